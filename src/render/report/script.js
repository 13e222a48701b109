// The year control: shows every event's verdicts as of the chosen year,
// from the views precomputed into the page (no server, no network).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("views").textContent);
  var range = document.getElementById("year");
  var out = document.getElementById("year-out");
  function cell(text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    return td;
  }
  function show(index) {
    var year = data.years[index];
    out.textContent = String(year);
    document.documentElement.setAttribute("data-year", String(year));
    document.querySelectorAll("td.leader[data-event]").forEach(function (td) {
      var view = (data.events[td.getAttribute("data-event")] || [])[index];
      if (view) { td.textContent = view.leader; }
    });
    Object.keys(data.events).forEach(function (key) {
      var view = data.events[key][index];
      var article = document.getElementById("event-" + key);
      if (!article || !view) { return; }
      article.querySelector(".lead").textContent = view.lead;
      var body = article.querySelector("table.standings tbody");
      while (body.firstChild) { body.removeChild(body.firstChild); }
      view.rows.forEach(function (row) {
        var tr = document.createElement("tr");
        tr.appendChild(cell(row[0]));
        tr.appendChild(cell(row[1], "verdict verdict-" + row[1]));
        tr.appendChild(cell(row[2], "num"));
        tr.appendChild(cell(row[3]));
        body.appendChild(tr);
      });
      var seen = {};
      view.claims.forEach(function (claim) { seen[claim] = true; });
      article.querySelectorAll("ul.claims li[data-claim]").forEach(function (li) {
        li.classList.toggle("later", !seen[li.getAttribute("data-claim")]);
      });
    });
  }
  range.addEventListener("input", function () { show(Number(range.value)); });
  show(Number(range.value));
})();
