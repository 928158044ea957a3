import{h as r}from"preact";import{h as d,render as f,Component as h}from"preact";import o from"htm";var p=o.bind(r);export{h as Component,d as h,p as html,f as render};
