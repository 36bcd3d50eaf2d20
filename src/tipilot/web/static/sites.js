/* Sites clés en main: the catalogue's map (markers from the GeoJSON of the same filters as the
   page) and a site's own map. No tile server unless TIPILOT_TILE_URL is set. */
(function () {
  "use strict";
  var METROPOLE = [[41.3, -5.2], [51.1, 9.6]];
  var BASE = { color: "#929292", weight: 1, fill: true, fillColor: "#ffffff", fillOpacity: 1 };
  var READY = "#18753c";
  var PENDING = "#000091";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function newMap(node) {
    var map = L.map(node, { zoomSnap: 0.25 });
    var tiles = readJson("tile-url");
    if (tiles) {
      L.tileLayer(tiles, { attribution: readJson("tile-attribution") || "" }).addTo(map);
    }
    map.attributionControl.addAttribution("ANCT, Etalab, IGN");
    map.fitBounds(METROPOLE, { animate: false });
    return map;
  }

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function marker(ready) {
    var color = ready ? READY : PENDING;
    return { radius: 7, color: "#ffffff", weight: 1.5, fillColor: color, fillOpacity: 0.9 };
  }

  function popup(props) {
    var surface = Number(props.surface_available_ha).toLocaleString("fr-FR");
    return "<strong>" + escape(props.name) + "</strong><br>" + escape(props.commune) +
      "<br>" + surface + " ha disponibles · " + (props.is_ready ? "prêt" : "procédures en cours") +
      '<br><a href="' + encodeURI(props.page_url) + '">Voir le site</a>';
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      });
  }

  /* Mainland sites frame the map when there are some; overseas ones stay one pan away and
     in the list. Only overseas sites: frame them. */
  function framing(layer) {
    var mainland = L.latLngBounds(METROPOLE);
    var inside = layer.getLayers().filter(function (item) {
      return mainland.contains(item.getLatLng());
    });
    if (!inside.length) { return layer.getBounds(); }
    return L.latLngBounds(inside.map(function (item) { return item.getLatLng(); }));
  }

  function catalogueMap(node) {
    var map = newMap(node);
    var base = fetchJson(node.dataset.base).then(function (data) {
      L.geoJSON(data, { style: BASE, interactive: false }).addTo(map).bringToBack();
    }).catch(function () { return null; });
    var sites = fetchJson(node.dataset.src).then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, marker(feature.properties.is_ready));
        },
        onEachFeature: function (feature, item) { item.bindPopup(popup(feature.properties)); }
      }).addTo(map);
      var count = layer.getLayers().length;
      node.dataset.count = String(count);
      if (count) {
        map.fitBounds(framing(layer), { maxZoom: 9, padding: [20, 20], animate: false });
      }
    }).catch(function () {
      node.dataset.count = "0";
      node.insertAdjacentHTML("afterend",
        '<p class="fr-error-text">La carte n\'a pas pu être chargée ; la liste reste complète.</p>');
    });
    Promise.all([base, sites]).then(function () { node.dataset.loaded = "true"; });
  }

  function siteMap(node) {
    var map = newMap(node);
    var point = [Number(node.dataset.lat), Number(node.dataset.lon)];
    var site = L.circleMarker(point, marker(node.dataset.ready === "true"))
      .bindTooltip(node.dataset.name, { permanent: true, direction: "top" });
    map.setView(point, 7, { animate: false });
    fetchJson(node.dataset.base).then(function (data) {
      L.geoJSON(data, { style: BASE, interactive: false }).addTo(map);
    }).catch(function () { return null; }).then(function () {
      site.addTo(map);
      node.dataset.loaded = "true";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var catalogue = document.getElementById("sites-map");
    if (catalogue) { catalogueMap(catalogue); }
    var single = document.getElementById("site-map");
    if (single) { siteMap(single); }
  });
})();
