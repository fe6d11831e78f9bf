// The world map: countries (Natural Earth 1:110m shapes from world-atlas)
// shaded by event count or average Goldstein score of the events placed
// in them, and the places of events as points sized by count.

import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { api, pickFilters, type CountryCount, type PlaceCount } from '../api';
import { fmtNum, h } from '../dom';
import { describe, filterForm } from '../filters';
import { navigate, type Route } from '../route';

let registered: Map<string, string> | null = null;

/**
 * registerWorld loads the country shapes (a separate chunk, fetched on the
 * first visit to the map) and registers them with ECharts under "world".
 * Features are named by their ISO 3166-1 numeric id, which the API's
 * countries carry; the returned map gives each id's country name.
 */
async function registerWorld(): Promise<Map<string, string>> {
  if (registered) return registered;
  const { echarts } = await import('../charts');
  const topo = (await import('world-atlas/countries-110m.json')).default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  const names = new Map<string, string>();
  const features = fc.features
    // Antarctica (010) spans every longitude and has no events to show.
    .filter((f) => f.id !== '010')
    .map((f, i) => {
      const id = f.id === undefined ? `x${i}` : String(f.id);
      names.set(id, f.properties?.name ?? id);
      return { ...f, geometry: unwrap(f.geometry), properties: { name: id } };
    });
  echarts.registerMap('world', { type: 'FeatureCollection', features } as never);
  registered = names;
  return names;
}

type Ring = number[][];

/**
 * unwrap moves the western points of a ring that crosses the
 * antimeridian (Russia's Chukotka, Fiji) east by 360°, so no edge runs
 * across the whole map.
 */
function unwrap<G extends GeoJSON.Geometry>(g: G): G {
  const fix = (ring: Ring): Ring => {
    let crosses = false;
    for (let i = 1; i < ring.length && !crosses; i++) crosses = Math.abs(ring[i][0] - ring[i - 1][0]) > 180;
    return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
  };
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(fix) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((poly) => poly.map(fix)) };
  return g;
}

export async function mapPage(root: HTMLElement, r: Route) {
  const p = r.params;
  const filters = pickFilters(p);
  const metric = p.metric === 'goldstein' ? 'goldstein' : 'count';
  const extra = [
    h(
      'label',
      { class: 'field', for: 'f-metric' },
      h('span', null, 'Shade by'),
      h('select', { id: 'f-metric', name: 'metric' }, h('option', { value: 'count', selected: metric === 'count' }, 'event count'), h('option', { value: 'goldstein', selected: metric === 'goldstein' }, 'average Goldstein')),
    ),
  ];
  root.append(h('h1', null, 'Map'), filterForm(p, (v) => navigate('map', v), extra));

  const [names, countries, places] = await Promise.all([registerWorld(), api.countries(filters), api.places({ ...filters, limit: 500 })]);
  const byNumeric = new Map<string, CountryCount>();
  for (const c of countries.countries) if (c.numeric) byNumeric.set(String(Number(c.numeric)), c);
  // world-atlas ids are zero-padded three-digit strings ("004").
  const lookup = (id: string) => byNumeric.get(String(Number(id)));

  const shaded = [...names.keys()].map((id) => {
    const c = lookup(id);
    return c ? { name: id, value: metric === 'count' ? c.count : round(c.goldstein), country: c } : { name: id, value: null };
  });
  const matched = shaded.filter((x) => x.value !== null).length;
  const unmatched = countries.countries.filter((c) => !c.numeric || !names.has(c.numeric.padStart(3, '0'))).map((c) => c.name || c.iso3);

  root.append(
    h(
      'p',
      { id: 'map-summary', 'data-countries': countries.countries.length, 'data-places': places.places.length, 'data-shaded': matched },
      `${describe(filters)}: ${countries.countries.length} countries, ${places.places.length} places`,
      unmatched.length ? ` (not on the 1:110m map: ${unmatched.join(', ')})` : '',
    ),
  );
  const box = h('div', { id: 'map-chart', class: 'chart map' });
  root.append(box);
  const maxCount = Math.max(1, ...countries.countries.map((c) => c.count));
  const maxPlace = Math.max(1, ...places.places.map((x) => x.count));
  const { chart } = await import('../charts');
  const c = chart(box);
  c.setOption({
    animationDuration: 300,
    tooltip: {
      trigger: 'item',
      formatter: (it: { seriesType?: string; name?: string; data?: { country?: CountryCount; place?: PlaceCount } }) => {
        if (it.seriesType === 'scatter' && it.data?.place) {
          const pl = it.data.place;
          return `${esc(pl.name)} (${esc(pl.country)})<br>${pl.count} events · Goldstein ${fmtNum(pl.goldstein)}`;
        }
        const name = names.get(it.name ?? '') ?? it.name ?? '';
        const cc = it.data?.country;
        return cc ? `${esc(name)}<br>${cc.count} events · Goldstein ${fmtNum(cc.goldstein)}` : esc(name);
      },
    },
    visualMap:
      metric === 'count'
        ? { type: 'continuous', min: 0, max: maxCount, seriesIndex: 0, left: 10, bottom: 10, text: ['more', 'fewer'], calculable: true, inRange: { color: ['#e0ecf4', '#08519c'] } }
        : { type: 'continuous', min: -10, max: 10, seriesIndex: 0, left: 10, bottom: 10, text: ['cooperation +10', 'conflict −10'], calculable: true, inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] } },
    geo: { map: 'world', roam: true, top: 20, bottom: 20, left: 'center', itemStyle: { areaColor: '#f2f2f2', borderColor: '#999', borderWidth: 0.5 }, emphasis: { label: { show: false } } },
    series: [
      { type: 'map', geoIndex: 0, data: shaded },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        data: places.places.filter((pl) => pl.lat !== null && pl.lon !== null).map((pl) => ({ name: pl.name, value: [pl.lon, pl.lat, pl.count], place: pl })),
        symbolSize: (v: number[]) => 5 + 15 * Math.sqrt(v[2] / maxPlace),
        itemStyle: { color: '#e67e22', borderColor: '#fff', borderWidth: 1, opacity: 0.9 },
      },
    ],
  });
  c.on('click', (ev) => {
    const data = ev.data as { country?: CountryCount; place?: PlaceCount } | undefined;
    if (data?.place) navigate('explore', { ...filters, place: data.place.name });
    else if (data?.country) navigate('explore', { ...filters, country: data.country.iso3 });
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
