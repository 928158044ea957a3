export * from './attr.js';
export * from './elem.js';
export * from './class.js';
export * from './style.js';
export * from './prefix.js';
export * from './selection.js';
export * from './css.js';
export * from './data.js';
export * from './prop.js';
// svg
// ---
export * from './text.js';
export * from './path.js';
export * from './matrix.js';
export * from './transform.js';
// event
export * from './event/index.js';
export * from './mousewheel.js';
// postion
export * from './position.js';
