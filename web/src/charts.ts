// ECharts with only the modules the pages use, so the bundle stays small.
// The pages with charts import this module dynamically: the explorer, the
// article and the code pages load without ECharts.

import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { onLeave } from './route';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  ScatterChart,
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

let current: echarts.ECharts[] = [];

/** chart creates a chart in el, disposed when the page is left. */
export function chart(el: HTMLElement): echarts.ECharts {
  const c = echarts.init(el, undefined, { renderer: 'canvas' });
  current.push(c);
  onLeave(() => {
    c.dispose();
    current = current.filter((x) => x !== c);
  });
  return c;
}

window.addEventListener('resize', () => {
  for (const c of current) c.resize();
});
