import { Registry } from '../registry.js';
import * as anchors from './main.js';
export var NodeAnchor;
(function (NodeAnchor) {
    NodeAnchor.presets = anchors;
    NodeAnchor.registry = Registry.create({
        type: 'node endpoint',
    });
    NodeAnchor.registry.register(NodeAnchor.presets, true);
})(NodeAnchor || (NodeAnchor = {}));
