import * as StringExt from './string.js';
export { StringExt };
