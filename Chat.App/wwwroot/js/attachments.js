// Files for the composer from outside its button: dropped anywhere on the page (the channel) or pasted (a screenshot),
// handed to the composer's <input type="file"> as if chosen there, so Blazor's InputFile uploads them the same way.
// And the picture viewer: a thumbnail's link opens the picture in a modal <dialog>, which Escape closes.

const trays = new Map();

function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes("Files");
}

function give(input, files) {
  if (!files || files.length === 0) { return false; }
  input.files = files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
}

export function attachTray(input) {
  // Null when the user left the page before this ran (a slow script or connection): there is nothing to attach to.
  if (!input) { return; }
  detachTray(input);
  const controller = new AbortController();
  const signal = controller.signal;
  const body = document.body;
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event) || input.disabled) { return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    body.classList.add("dropping-files");
  }, { signal });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) { body.classList.remove("dropping-files"); }
  }, { signal });
  document.addEventListener("drop", (event) => {
    body.classList.remove("dropping-files");
    if (!hasFiles(event) || input.disabled) { return; }
    event.preventDefault();
    give(input, event.dataTransfer.files);
  }, { signal });
  document.addEventListener("paste", (event) => {
    // Only files: a paste of text stays the textarea's.
    if (input.disabled || !event.clipboardData || event.clipboardData.files.length === 0) { return; }
    event.preventDefault();
    give(input, event.clipboardData.files);
  }, { signal });
  trays.set(input, controller);
  input.dataset.tray = "ready";
}

export function detachTray(input) {
  trays.get(input)?.abort();
  trays.delete(input);
}

let viewer = null;

function viewerDialog() {
  if (viewer) { return viewer; }
  viewer = document.createElement("dialog");
  viewer.className = "picture-viewer";
  Object.assign(viewer.style, {
    padding: "0", border: "none", background: "transparent", maxWidth: "96vw", maxHeight: "96vh", overflow: "visible",
  });
  const picture = document.createElement("img");
  Object.assign(picture.style, { display: "block", maxWidth: "96vw", maxHeight: "90vh", objectFit: "contain" });
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "\u00D7";
  Object.assign(close.style, {
    position: "absolute", top: "0.25rem", right: "0.25rem", width: "2.5rem", height: "2.5rem", borderRadius: "50%",
    border: "none", fontSize: "1.5rem", cursor: "pointer", background: "var(--surface-3)", color: "var(--text)",
  });
  close.addEventListener("click", () => viewer.close());
  // A click on the backdrop (outside the picture) closes it too.
  viewer.addEventListener("click", (event) => { if (event.target === viewer) { viewer.close(); } });
  viewer.addEventListener("close", () => { viewer.opener?.focus(); picture.removeAttribute("src"); });
  viewer.append(picture, close);
  document.body.append(viewer);
  return viewer;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-viewer]");
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
  event.preventDefault();
  event.stopPropagation();
  const dialog = viewerDialog();
  const [picture, close] = dialog.children;
  picture.src = link.dataset.viewer;
  picture.alt = link.querySelector("img")?.alt ?? "";
  close.setAttribute("aria-label", link.dataset.closeLabel ?? "Close");
  dialog.setAttribute("aria-label", picture.alt);
  dialog.opener = link;
  dialog.showModal();
  close.focus();
}, true);
