/** Reads a picked file as base64 (for the JSON import body), reporting how much has been read. */
export function readAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(new Error("读取文件失败"));
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      // A data: URL — the base64 payload follows the first comma.
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** The server takes bodies up to 50 MB; base64 makes a file a third larger. */
export const MAX_IMPORT_BYTES = 35 * 1024 * 1024;

export const IMPORT_ACCEPT = ".txt,.md,.html,.htm,.docx,.pdf,.doc,.wps,.rtf,.odt";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
