// Announcements: the send button asks first (previewing does not), since a sent announcement
// cannot be taken back.
(function () {
  document.querySelectorAll("button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();
