import { Registry } from '../registry.js';
import * as layouts from './main.js';
export var PortLayout;
(function (PortLayout) {
    PortLayout.presets = layouts;
    PortLayout.registry = Registry.create({
        type: 'port layout',
    });
    PortLayout.registry.register(PortLayout.presets, true);
})(PortLayout || (PortLayout = {}));
