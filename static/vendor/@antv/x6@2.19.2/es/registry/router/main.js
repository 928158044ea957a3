export * from './normal.js';
export * from './oneside.js';
export * from './orth.js';
export * from './metro.js';
export * from './manhattan/index.js';
export * from './er.js';
export * from './loop.js';
