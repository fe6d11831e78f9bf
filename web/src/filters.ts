// The filter form shared by the explorer, the timeline and the map: the
// parameters of the API's event filters.

import { filterKeys, type Filters } from './api';
import { h } from './dom';

interface Field {
  key: string;
  label: string;
  placeholder?: string;
  type?: string;
  options?: [string, string][];
}

const fields: Field[] = [
  { key: 'actor', label: 'Actor', placeholder: 'FRA, GOV, Macron' },
  { key: 'country', label: 'Country', placeholder: 'ISO3 or FIPS of the place' },
  { key: 'code', label: 'CAMEO code', placeholder: 'prefix, e.g. 19' },
  {
    key: 'quad',
    label: 'Quad class',
    options: [
      ['', 'any'],
      ['1', '1 verbal cooperation'],
      ['2', '2 material cooperation'],
      ['3', '3 verbal conflict'],
      ['4', '4 material conflict'],
    ],
  },
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To', type: 'date' },
  { key: 'theme', label: 'Theme', placeholder: 'GKG theme, e.g. PROTEST' },
  { key: 'place', label: 'Place', placeholder: 'place name' },
  { key: 'q', label: 'Text', placeholder: 'words in the sentence' },
];

/**
 * filterForm renders the filter fields with the values of params, plus
 * extra fields, and calls submit with the non-empty values.
 */
export function filterForm(params: Record<string, string>, submit: (values: Record<string, string>) => void, extra: HTMLElement[] = [], buttonLabel = 'Apply'): HTMLFormElement {
  const inputs = fields.map((f) => {
    const id = 'f-' + f.key;
    const control = f.options
      ? h('select', { id, name: f.key }, f.options.map(([v, label]) => h('option', { value: v, selected: params[f.key] === v }, label)))
      : h('input', { id, name: f.key, type: f.type ?? 'text', placeholder: f.placeholder ?? '', value: params[f.key] ?? '' });
    return h('label', { class: 'field', for: id }, h('span', null, f.label), control);
  });
  const form = h(
    'form',
    { class: 'filters', id: 'filters' },
    inputs,
    extra,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'apply' }, buttonLabel), h('button', { type: 'reset', id: 'clear' }, 'Clear')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const values: Record<string, string> = {};
    new FormData(form).forEach((v, k) => {
      const t = String(v).trim();
      if (t) values[k] = t;
    });
    submit(values);
  });
  form.addEventListener('reset', (ev) => {
    ev.preventDefault();
    submit({});
  });
  return form;
}

/** describe summarises filters in words, for headings. */
export function describe(f: Filters): string {
  const parts: string[] = [];
  for (const k of filterKeys) if (f[k]) parts.push(`${k} ${f[k]}`);
  return parts.length ? parts.join(', ') : 'all events';
}
