export * from './dot.js';
export * from './fixed-dot.js';
export * from './mesh.js';
export * from './double-mesh.js';
