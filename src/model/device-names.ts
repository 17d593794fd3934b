/**
 * Windows device names. Windows reserves `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9` and `LPT0`–`LPT9`
 * (any case) in every folder: a file named so, with any extension (`con.admx`, `NUL.tar.gz`), or with
 * trailing dots or spaces (which Windows strips), opens the device instead. Such a template cannot be
 * copied into a central store, so the bundle check refuses it as a `fileName`.
 */
const DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

/** The device a file name opens on Windows (e.g. `CON` for `con.txt`), or undefined for a real file. */
export function windowsDeviceName(fileName: string): string | undefined {
  // The name before the first dot, with the trailing dots and spaces Windows ignores taken off.
  const stem = fileName.split(".")[0]!.replace(/[. ]+$/, "");
  return DEVICE.test(stem) ? stem.toUpperCase() : undefined;
}
