import { Poly } from './poly.js';
import { createShape } from './util.js';
export const Polygon = createShape('polygon', {}, { parent: Poly });
