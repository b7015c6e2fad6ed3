/** Progress charts with uPlot (bundled, no CDN): energy against the target, and the macros per day. */
import uPlot from 'uplot';
import type { ProgressResponse } from '../../service/src/http/api-types.ts';
import type { Words } from './app-i18n.ts';

const DAY_SECONDS = 86_400;

export function drawCharts(container: HTMLElement, progress: ProgressResponse, w: Words): uPlot[] {
  const width = Math.max(280, Math.min(container.clientWidth, 720));
  const xs = progress.days.map((day) => Date.parse(`${day.date}T12:00:00Z`) / 1000);
  const axes: uPlot.Axis[] = [
    { stroke: '#3e4c59', grid: { stroke: '#e4e7eb' }, incrs: [DAY_SECONDS, 7 * DAY_SECONDS] },
    { stroke: '#3e4c59', grid: { stroke: '#e4e7eb' } },
  ];
  const energy = new uPlot(
    {
      title: w.energy,
      width,
      height: 220,
      scales: { x: { time: true } },
      axes,
      series: [
        {},
        { label: w.eaten, stroke: '#1f6b45', width: 2, fill: 'rgba(31,107,69,0.12)', points: { show: true } },
        { label: w.target, stroke: '#9a3412', width: 2, dash: [6, 4], points: { show: false } },
      ],
    },
    [xs, progress.days.map((day) => day.kcal), progress.days.map(() => progress.targets?.kcal ?? null)],
    h2(container, 'chart-energy'),
  );
  const macros = new uPlot(
    {
      title: w.macros,
      width,
      height: 220,
      scales: { x: { time: true } },
      axes,
      series: [
        {},
        { label: w.protein, stroke: '#1d4ed8', width: 2, points: { show: true } },
        { label: w.fat, stroke: '#b45309', width: 2, points: { show: true } },
        { label: w.carbs, stroke: '#6d28d9', width: 2, points: { show: true } },
      ],
    },
    [
      xs,
      progress.days.map((day) => day.proteinG),
      progress.days.map((day) => day.fatG),
      progress.days.map((day) => day.carbsG),
    ],
    h2(container, 'chart-macros'),
  );
  return [energy, macros];
}

function h2(container: HTMLElement, id: string): HTMLElement {
  const slot = document.createElement('figure');
  slot.id = id;
  slot.className = 'chart';
  container.append(slot);
  return slot;
}
