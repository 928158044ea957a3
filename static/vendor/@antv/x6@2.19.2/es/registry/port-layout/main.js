export * from './absolute.js';
export * from './ellipse.js';
export * from './line.js';
