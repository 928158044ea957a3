export * from './flip-x.js';
export * from './flip-y.js';
export * from './flip-xy.js';
export * from './watermark.js';
