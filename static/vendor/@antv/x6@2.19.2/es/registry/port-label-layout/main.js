export * from './side.js';
export * from './inout.js';
export * from './radial.js';
