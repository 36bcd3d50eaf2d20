/* Deployments map: one circle per school, antenna or VTE, coloured by kind, from the API's
   GeoJSON with the page's filters. No tile server unless TIPILOT_TILE_URL is set. */
(function () {
  "use strict";
  var COLOURS = { cnam_antenna: "#000091", production_school: "#ce0500", vte: "#18753c" };
  var BASE = { color: "#929292", weight: 1, fill: true, fillColor: "#ffffff", fillOpacity: 1 };
  var METROPOLE = [[41.3, -5.2], [51.1, 9.6]];

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function popup(p) {
    var wave = p.wave ? " · vague " + escape(p.wave) : "";
    var territory = p.territory ? "<br>" + escape(p.territory_name) + " (" + escape(p.territory) + ")" : "";
    return "<strong>" + escape(p.name) + "</strong><br>" + escape(p.kind_label) + wave +
      "<br>" + escape(p.status_label) + " · " + escape(p.commune) + territory +
      '<br><a href="' + encodeURI(p.page_url) + '">Voir la fiche</a>';
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) { return response.json(); });
  }

  function draw(node) {
    var map = L.map(node, { zoomSnap: 0.25 });
    var tiles = readJson("tile-url");
    if (tiles) { L.tileLayer(tiles, { attribution: readJson("tile-attribution") || "" }).addTo(map); }
    map.attributionControl.addAttribution("ANCT, Etalab, IGN");
    map.fitBounds(METROPOLE, { animate: false });
    var jobs = [fetchJson(node.dataset.base).then(function (data) {
      L.geoJSON(data, { style: BASE, interactive: false }).addTo(map).bringToBack();
    })];
    jobs.push(fetchJson(node.dataset.src).then(function (data) {
      /* the many VTE first and smaller, so that schools and antennas stay visible on top */
      data.features.sort(function (a, b) {
        return (b.properties.kind === "vte") - (a.properties.kind === "vte");
      });
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          var colour = COLOURS[feature.properties.kind] || "#666666";
          return L.circleMarker(latlng, {
            radius: feature.properties.kind === "vte" ? 3 : 6,
            color: "#161616", weight: 1, fillColor: colour, fillOpacity: 0.85,
            className: "tp-marker tp-marker--" + feature.properties.kind
          });
        },
        onEachFeature: function (feature, item) { item.bindPopup(popup(feature.properties)); }
      }).addTo(map);
      node.dataset.count = String(layer.getLayers().length);
      if (node.dataset.src.indexOf("?") !== -1 && layer.getLayers().length) {  /* filtered */
        map.fitBounds(layer.getBounds(), { maxZoom: 10, padding: [20, 20], animate: false });
      }
    }));
    Promise.all(jobs).then(function () { node.dataset.loaded = "true"; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("deployments-map");
    if (node) { draw(node); }
  });
})();
