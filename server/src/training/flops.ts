// Forward-pass FLOPs per sample of a built model (multiply-adds count 2), for the
// benchmark's GFLOP/s. Training costs about 3x forward (forward, input and weight
// gradients). Covers dense, conv1d/2d, LSTM/GRU/SimpleRNN; other layers count 0.
import type { LayersModel } from './tf';

type Shape = (number | null)[];

export function forwardFlopsPerSample(model: LayersModel): number {
  let total = 0;
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const cfg = layer.getConfig() as Record<string, unknown>;
    const inShape = (layer.input as { shape: Shape }).shape;
    const outShape = (layer.output as { shape: Shape }).shape;
    const prod = (s: Shape) => s.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);
    if (cls === 'Dense') {
      const units = cfg.units as number;
      const inDim = inShape[inShape.length - 1] as number;
      total += 2 * inDim * units * (prod(outShape) / units);
    } else if (cls === 'Conv2D' || cls === 'Conv1D') {
      const w = layer.getWeights()[0].shape; // [kh, kw, cin, cout] or [k, cin, cout]
      const k = w.slice(0, -1).reduce((a, b) => a * b, 1);
      total += 2 * k * prod(outShape);
    } else if (cls === 'LSTM' || cls === 'GRU' || cls === 'SimpleRNN') {
      const gates = cls === 'LSTM' ? 4 : cls === 'GRU' ? 3 : 1;
      const units = cfg.units as number;
      const steps = inShape[1] as number;
      const inDim = inShape[2] as number;
      total += 2 * gates * units * (inDim + units) * steps;
    }
  }
  return total;
}
