export * from './classic.js';
export * from './diamond.js';
export * from './path.js';
export * from './cross.js';
export * from './async.js';
export * from './circle.js';
export * from './ellipse.js';
