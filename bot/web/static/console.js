// Every console page: tell Telegram the page is ready, use the whole height, and the small
// conveniences that need no framework.
(function () {
  const webApp = window.Telegram && Telegram.WebApp;
  if (webApp) { webApp.ready(); webApp.expand(); }
  // <select data-submit>: choosing an option submits its form (the zone of the roster).
  document.querySelectorAll("select[data-submit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  // <form data-confirm="question">: asks before a change that cannot be undone.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();
