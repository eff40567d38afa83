// Telegram hands the signed initData to the page; the server checks it and answers with the
// address of this session's pages. (Telegram's script reads it from the address, as
// `kringbot web` gives it, when it loads.)
(function () {
  const main = document.getElementById("shell");
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get("tgWebAppData") || "";
  const webApp = window.Telegram && Telegram.WebApp;
  const initData = (webApp && webApp.initData) || fromAddress;
  if (!initData) {
    document.getElementById("outside").hidden = false;
    return;
  }
  if (webApp) { webApp.ready(); }
  fetch(main.dataset.session, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    // A bot button may open a given page: /app/?page=announcements
    body: new URLSearchParams({
      init_data: initData,
      page: new URLSearchParams(location.search).get("page") || "",
    }),
  }).then(async (response) => {
    if (response.ok) { location.replace((await response.json()).url); }
    else { document.getElementById("status").textContent = await response.text(); }
  });
})();
