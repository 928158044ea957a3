import { Poly } from './poly.js';
import { createShape } from './util.js';
export const Polyline = createShape('polyline', {}, { parent: Poly });
