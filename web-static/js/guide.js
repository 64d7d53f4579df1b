// guide.html: draws the rubric guide (guide-model.js) from the rubric the rating page left in localStorage.

import { el } from "./dom.js";
import { guideSections, readRubricForGuide } from "./guide-model.js";

const root = document.getElementById("guide");
const rubric = readRubricForGuide(window.localStorage);
if (!rubric) {
  root.append(el("p", { text: "Open a task on the rating page first: the guide shows the rubric of your tasks." }));
} else {
  const guide = guideSections(rubric);
  document.title = `${guide.title} · rubric guide · editeval`;
  const contents = el("ul", { className: "guide-contents" });
  root.append(el("h1", { text: guide.title }), el("nav", { attrs: { "aria-label": "Contents" } }, contents));
  for (const section of guide.sections) {
    contents.append(el("li", {}, el("a", { href: `#${section.id}`, text: section.heading })));
    const list = el("dl", { className: "guide-levels" });
    for (const item of section.items) {
      list.append(el("dt", { text: item.term }), el("dd", { text: item.text || "–" }));
    }
    root.append(el("section", { id: section.id, className: "guide-section" },
      el("h2", { text: section.heading }),
      section.intro ? el("p", { className: "guide-intro", text: section.intro }) : "",
      section.items.length > 0 ? list : ""));
  }
}
