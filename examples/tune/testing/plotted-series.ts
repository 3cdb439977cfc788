/** A plotted series read back from a report's HTML: its chart, type, name and unscaled points. */
export interface PlottedSeries {
  readonly chart: string;
  readonly type: string;
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

/** Every series of every `svgChart` in `html`, from their `data-points`. */
export function plottedSeries(html: string): PlottedSeries[] {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].flatMap(([svg]) => {
    const chart = /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
    return [...svg.matchAll(/<g class="series" data-type="(\w+)" data-series="([^"]*)" data-points="([^"]*)">/g)].map(
      ([, type, name, data]) => ({
        chart,
        type: type!,
        name: name!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
        points: data!.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]),
      }),
    );
  });
}
