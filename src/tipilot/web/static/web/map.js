/* tipilot maps: a territory outline, a region's territories, or all of France.
   No tile server unless TIPILOT_TILE_URL is set (offline and private by default). */
(function () {
  "use strict";
  var FILL = { color: "#000091", weight: 1, fillColor: "#6a6af4", fillOpacity: 0.35 };
  var METROPOLE = [[41.3, -5.2], [51.1, 9.6]];
  var BASE = { color: "#929292", weight: 1, fill: true, fillColor: "#ffffff", fillOpacity: 1 };

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function newMap(node) {
    var map = L.map(node, { zoomSnap: 0.25, attributionControl: true });
    var tiles = readJson("tile-url");
    if (tiles) {
      L.tileLayer(tiles, { attribution: readJson("tile-attribution") || "" }).addTo(map);
    }
    map.attributionControl.addAttribution("ANCT, Etalab, IGN");
    map.setView([46.6, 2.4], 5.5);
    return map;
  }

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function popup(props) {
    var population = Number(props.population || 0).toLocaleString("fr-FR");
    return "<strong>" + escape(props.name) + "</strong><br>" + escape(props.identifier) +
      " · " + escape(props.generation) + "<br>" + population + " habitants<br>" +
      '<a href="' + encodeURI(props.page_url) + '">Voir le territoire</a>';
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) { return response.json(); });
  }

  function territoryMap(node) {
    var outline = readJson("territory-outline");
    var map = newMap(node);
    var layer = L.geoJSON(JSON.parse(outline), { style: FILL }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    node.dataset.loaded = "true";
  }

  function territoriesMap(node) {
    var map = newMap(node);
    var jobs = [];
    if (node.dataset.base) {
      jobs.push(fetchJson(node.dataset.base).then(function (data) {
        L.geoJSON(data, { style: BASE, interactive: false }).addTo(map).bringToBack();
      }));
    }
    var byName = {};
    jobs.push(fetchJson(node.dataset.src).then(function (data) {
      var layer = L.geoJSON(data, {
        style: FILL,
        onEachFeature: function (feature, item) {
          item.bindPopup(popup(feature.properties));
          byName[feature.properties.name.toLowerCase()] = item;
        }
      }).addTo(map);
      if (node.id === "france-map") {
        map.fitBounds(METROPOLE, { animate: false });  /* overseas territories are found with the search */
      } else if (layer.getLayers().length) {
        map.fitBounds(layer.getBounds(), { animate: false });
      }
      fillSearch(map, byName);
    }));
    Promise.all(jobs).then(function () { node.dataset.loaded = "true"; });
  }

  function fillSearch(map, byName) {
    var input = document.getElementById("map-search");
    var list = document.getElementById("map-names");
    if (!input) { return; }
    Object.keys(byName).sort().forEach(function (key) {
      var option = document.createElement("option");
      option.value = byName[key].feature.properties.name;
      list.appendChild(option);
    });
    function find() {
      var query = input.value.trim().toLowerCase();
      if (!query) { return; }
      var key = byName[query] ? query : Object.keys(byName).find(function (k) {
        return k.indexOf(query) !== -1;
      });
      if (key) {
        map.fitBounds(byName[key].getBounds(), { maxZoom: 10, animate: false });
        byName[key].openPopup();
      }
    }
    input.addEventListener("change", find);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); find(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var single = document.getElementById("territory-map");
    if (single) { territoryMap(single); }
    ["france-map", "region-map"].forEach(function (id) {
      var node = document.getElementById(id);
      if (node) { territoriesMap(node); }
    });
  });
})();
