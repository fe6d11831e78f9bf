package extract

import "strings"

// stopWords lists, per Latin-script language, frequent function words of
// news prose (articles, pronouns, prepositions, conjunctions, auxiliaries,
// reporting verbs), written for eventwire from general knowledge of each
// language. A word in several lists counts for each of them, its weight
// split between them; the lists need not be disjoint, only typical.
var stopWords = []struct {
	code  string
	words string
}{
	{"en", "the of and to in is was that for it with as on by at from his her he she they be have has had are were " +
		"a this which said but not an or will would their been after who its also than into over about more could should " +
		"there when what we our you them these those"},
	{"fr", "le la les des du de et est un une dans pour qui que sur au aux pas par avec il elle ont ce cette sont été " +
		"plus mais ou nous vous ils leur leurs selon son ses était être entre aussi lors après contre depuis dont comme " +
		"l d qu j"},
	{"de", "der die das und ist nicht ein eine den dem des mit von zu auf für im sich auch es wird wurde sie er bei " +
		"nach aus dass oder wie sind hat haben werden noch einer über zum zur vor einem seine ihre nur durch sagte " +
		"gegen schon"},
	{"es", "el la los las de del y en que un una es por con para se su sus al como más pero fue ha han está este " +
		"esta sobre también entre según lo le dijo sin desde hasta cuando muy ya estos tras"},
	{"it", "il lo la gli le di del della e è che un una per con non sono ha nel nella alla al dei delle anche più " +
		"come ma stato sulla questo dal degli ed però si da ai alle dalla sul tra ancora dopo essere quando l dell " +
		"nell sull"},
	{"pt", "o os a as de do da dos das e em no na nos um uma que para com não por é foi são ao mais como mas seu " +
		"sua pelo pela também está disse se ou ele ela eles já entre sobre quando à às foram após"},
	{"nl", "de het een en van is niet dat die op te in voor met zijn er aan ook als bij door naar werd wordt heeft " +
		"hebben maar nog om uit over dan hij zij deze dit wat worden volgens tegen"},
	{"sv", "i och att det som en ett är av för med den till på inte har om var de jag hon han men sig från vid så kan " +
		"när efter också eller sina ska skulle enligt mot under blev"},
	{"da", "i og at det som en et er af for med den til på ikke har om var de jeg hun han men sig fra ved så kan når " +
		"efter også eller blev være skal ifølge mod under hvor"},
	{"no", "i og at det som en et er av for med den til på ikke har om var de jeg hun han men seg fra ved så kan når " +
		"etter også eller ble være skal ifølge mot under hvor å"},
	{"pl", "w z na się nie do że jest jak ale po co tak za od przez dla są był była jego jej oraz już tylko " +
		"może przy także który która które według jednak jako ich"},
	{"cs", "a v se na je že z do o jako ale po by byl byla jsou pro jeho jejich také který která které podle " +
		"již při mezi není jsem bylo jsme však ve"},
	{"ro", "și în de la a cu pe că nu o un este din pentru mai se care sunt au fost ca al ale lui sau dar acest " +
		"această după prin fi doar şi în într"},
	{"tr", "ve bir bu da de için ile olarak çok daha ne gibi o en sonra kadar olan ama veya değil her şey ancak göre " +
		"diye ise var yok oldu etti dedi ilgili şu karşı önce tarafından yılında günü söyledi açıkladı yaptı " +
		"bildirdi"},
	{"id", "dan yang di ke dari ini itu dengan untuk tidak dalam akan pada adalah juga oleh ada karena atau sudah " +
		"bisa mereka kami kita saat telah tersebut kata lebih seperti " +
		"para bahwa menurut sebuah kedua negara pihak hari tahun dapat"},
	{"hu", "a az és hogy nem egy is van meg de csak már mint volt ez azt még el ha kell vagy szerint után között " +
		"pedig lesz minden most több sem amely aki ellen miatt alatt óta"},
	{"fi", "ja on ei se että oli hän ovat mutta kun tai myös joka sen ole niin vain kuin mukaan jo voi tämä nyt " +
		"hänen sekä jälkeen vuonna olisi ollut jotka mitä sitä siitä tässä vastaan aikana lähes yli noin sanoi " +
		"jonka joiden hallitus"},
}

// letterMarks lists, per language, the letters that are frequent in it and
// rare elsewhere; each occurrence is evidence worth markWeight of a stop
// word, split between the languages that list the letter. They tell
// languages with few function words (Finnish, Turkish, Hungarian) and close
// neighbours (Danish and Norwegian against Swedish) apart.
var letterMarks = map[string]string{
	"fr": "éèêàçœëîôù",
	"de": "äöüß",
	"es": "ñáíóú¿¡é",
	"it": "èàìòù",
	"pt": "ãõçáâêôé",
	"sv": "åäö",
	"da": "æøå",
	"no": "æøå",
	"pl": "łśźżąęńćó",
	"cs": "řěůčšžýáíé",
	"ro": "șțăâîşţ",
	"tr": "ığşçöüİ",
	"hu": "őűáéíóöü",
	"fi": "äö",
}

// markWeight is the evidence one letter of letterMarks carries, in stop
// words.
const markWeight = 0.25

// numLangs is the number of Latin-script languages Identify scores.
const numLangs = 17

var (
	langCodes [numLangs]string
	// stopMask maps a lower-case stop word to the set of languages (bit i:
	// langCodes[i]) whose list holds it.
	stopMask = map[string]uint32{}
	// markMask maps a letter of letterMarks to its set of languages.
	markMask = map[rune]uint32{}
)

func init() {
	if len(stopWords) != numLangs {
		panic("extract: numLangs does not match the stop-word lists")
	}
	for i, l := range stopWords {
		langCodes[i] = l.code
		for _, w := range strings.Fields(l.words) {
			stopMask[w] |= 1 << i
		}
		for _, r := range letterMarks[l.code] {
			markMask[r] |= 1 << i
		}
	}
}

// Languages returns the codes Identify can name: the Latin-script languages
// of the stop-word lists, then the languages named by script.
func Languages() []string {
	out := append([]string(nil), langCodes[:]...)
	seen := map[string]bool{}
	for _, c := range scriptLang {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return append(out, "uk", "bg", "fa", "ur")
}
