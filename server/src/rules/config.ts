// Reading a layer's resolved config the way tfjs reads it, without ever turning an
// UNKNOWN into a guess.
import type { ConfigObject, ConfigValue, LayerNode, Span } from '../analysis/modelGraph';
import { isConfigObject, isRegularizerValue, UNKNOWN } from '../analysis/modelGraph';

/**
 * A config key as tfjs sees it:
 * - `absent`: surely not given, or given as null/undefined (tfjs then uses its default);
 * - `unknown`: not decidable (unresolved config, unresolved value, or an incomplete
 *   object that might carry the key through a spread);
 * - `set`: given, with its resolved value (never UNKNOWN, never null/undefined).
 */
export type ConfigEntry =
  | { state: 'absent' }
  | { state: 'unknown' }
  | { state: 'set'; value: Exclude<ConfigValue, typeof UNKNOWN | null | undefined> };

const ABSENT: ConfigEntry = { state: 'absent' };
const NOT_KNOWN: ConfigEntry = { state: 'unknown' };

export function readConfig(layer: LayerNode, key: string): ConfigEntry {
  return readObjectKey(layer.config, key);
}

export function readObjectKey(object: ConfigObject | typeof UNKNOWN | 'absent', key: string): ConfigEntry {
  if (object === 'absent') return ABSENT;
  if (object === UNKNOWN) return NOT_KNOWN;
  if (!Object.prototype.hasOwnProperty.call(object.props, key)) return object.complete ? ABSENT : NOT_KNOWN;
  const value = object.props[key];
  if (value === UNKNOWN) return NOT_KNOWN;
  if (value === null || value === undefined) return ABSENT;
  return { state: 'set', value };
}

/** A known number under `key`, or undefined when the key is absent, unknown or not a number. */
export function knownNumber(layer: LayerNode, key: string): number | undefined {
  const entry = readConfig(layer, key);
  return entry.state === 'set' && typeof entry.value === 'number' ? entry.value : undefined;
}

/** A known string under `key`. */
export function knownString(layer: LayerNode, key: string): string | undefined {
  const entry = readConfig(layer, key);
  return entry.state === 'set' && typeof entry.value === 'string' ? entry.value : undefined;
}

export { isConfigObject, isRegularizerValue };

/** Where a diagnostic about a config key should point: the value, else the layer's name. */
export function configValueSpan(layer: LayerNode, key: string): Span {
  return layer.configProps[key]?.valueSpan ?? layer.nameSpan;
}

/** The layer's `*Regularizer` keys known to be present, with their values (possibly UNKNOWN). */
export function regularizerProps(layer: LayerNode): { key: string; value: ConfigValue }[] {
  if (!isConfigObject(layer.config)) return [];
  const props = layer.config.props;
  return Object.keys(props)
    .filter((key) => key.endsWith('Regularizer'))
    .map((key) => ({ key, value: props[key] }));
}
