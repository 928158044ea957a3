import * as Dom from './main.js';
export { Dom };
