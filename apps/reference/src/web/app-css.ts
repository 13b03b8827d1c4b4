/** The app's own styles on top of KERN UX: layout of header, navigation and charts only. */
export const appCss = `
body { margin: 0; }
.skip-link { position: absolute; left: -10000px; top: 0; padding: .5rem 1rem; background: #fff; z-index: 10; }
.skip-link:focus { left: 1rem; }
.app-header { border-bottom: 1px solid #c4c9d0; margin-bottom: 1.5rem; }
.app-header__bar { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center; padding-block: 1rem; }
.app-brand { font-size: 1.25rem; font-weight: 600; }
.app-header__tools { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.app-nav ul { gap: 1.25rem; padding-block: .5rem; margin: 0; }
.app-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.app-main { padding-bottom: 3rem; }
.app-main > * + * { margin-top: 1.25rem; }
.app-footer { border-top: 1px solid #c4c9d0; padding-block: 1.5rem; margin-top: 2rem; }
.app-footer ul { gap: 1rem; }
.inline-form { display: inline; margin: 0; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
.stack > * + * { margin-top: 1rem; }
.chart { max-width: 40rem; }
.chart rect.federal { fill: #1d4e89; } .chart rect.state { fill: #2f7d32; } .chart rect.municipality { fill: #8a4f00; } .chart rect.advisory { fill: #5b6470; }
.chart text { font-size: 14px; fill: #1b1f24; }
.contribution-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.result-pass { color: #1e6b2a; } .result-fail { color: #a4161a; }
progress { width: 100%; max-width: 30rem; }
pre.code { overflow: auto; background: #f3f5f7; padding: 1rem; }
table { border-collapse: collapse; }
th[scope="row"] { text-align: left; }
.kern-table { width: 100%; }
`;
