// Runs before the app's code (a classic script, not a module): a flow file dropped while the app
// is still loading would otherwise be opened by the browser, navigating away from the editor.
// Files are kept until the app's drop handler takes them (window.__switchboardDrops).
{
  const w = window;
  w.__switchboardDrops = [];
  const hasFiles = (e) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  w.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  w.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (!w.__switchboardDropReady) w.__switchboardDrops.push(...e.dataTransfer.files);
  });
}
