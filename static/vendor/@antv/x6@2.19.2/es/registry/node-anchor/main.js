export * from './bbox.js';
export * from './orth.js';
export * from './node-center.js';
export * from './middle-side.js';
