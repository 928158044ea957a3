import * as NumberExt from './number.js';
export { NumberExt };
