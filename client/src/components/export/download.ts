/** Hands a file to the browser's download (a temporary link to a blob). */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
