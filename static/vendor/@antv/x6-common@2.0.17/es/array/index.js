import * as ArrayExt from './array.js';
export { ArrayExt };
