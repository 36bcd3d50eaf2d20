/* Draft applications: tell the applicant when an autosave is under way or failed.
   The page works without this file (and without htmx): « Enregistrer le brouillon » posts it. */
(function () {
  "use strict";
  function status(text, isError) {
    var box = document.getElementById("draft-status");
    if (!box) { return; }
    box.textContent = text;
    box.classList.toggle("fr-error-text", Boolean(isError));
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.classList.contains("draft-group")) {
      status("Enregistrement…", false);
    }
  });
  document.addEventListener("htmx:sendError", function () {
    status("Connexion perdue : vos dernières modifications ne sont pas enregistrées.", true);
  });
  document.addEventListener("htmx:responseError", function () {
    status("Le serveur a refusé l'enregistrement : rechargez la page.", true);
  });
})();
