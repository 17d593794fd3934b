/**
 * The `SecurityDescriptor` of Backup.xml: the GPO's Active Directory permissions, as a self-relative
 * SECURITY_DESCRIPTOR ([MS-DTYP] 2.4.6) in space-separated lowercase hex, the way GPMC writes it.
 *
 * A real backup carries its source domain's descriptor, full of that domain's SIDs. `Import-GPO` and
 * GPMC's Import Settings wizard copy settings into a GPO that keeps its own permissions, so they ignore
 * this field; only a restore (`Restore-GPO`) would apply it. We still write a complete, valid descriptor
 * rather than an empty element, so that any reader that parses it succeeds — built only from well-known
 * SIDs that mean the same in every domain.
 */

/** A well-known SID as its parts: identifier authority and sub-authorities. */
interface WellKnownSid {
  readonly authority: number;
  readonly subAuthorities: readonly number[];
}

/** S-1-5-18, the local system account. */
const LOCAL_SYSTEM: WellKnownSid = { authority: 5, subAuthorities: [18] };
/** S-1-5-32-544, the built-in Administrators group. */
const BUILTIN_ADMINISTRATORS: WellKnownSid = { authority: 5, subAuthorities: [32, 544] };
/** S-1-5-11, Authenticated Users. */
const AUTHENTICATED_USERS: WellKnownSid = { authority: 5, subAuthorities: [11] };

/** Directory-service rights GPMC grants editors of a GPO: everything but control access. */
const DS_EDIT_DELETE_MODIFY_SECURITY = 0x000f00ff;
/** READ_CONTROL, list contents, read properties, list object: what "Read" means on a GPO. */
const DS_READ = 0x00020094;

const SE_DACL_PRESENT = 0x0004;
const SE_SELF_RELATIVE = 0x8000;
const ACL_REVISION = 2;
const ACCESS_ALLOWED_ACE_TYPE = 0;

function sidBytes(sid: WellKnownSid): Buffer {
  const out = Buffer.alloc(8 + 4 * sid.subAuthorities.length);
  out[0] = 1; // SID revision
  out[1] = sid.subAuthorities.length;
  out.writeUIntBE(sid.authority, 2, 6); // the identifier authority is big-endian
  sid.subAuthorities.forEach((sub, i) => out.writeUInt32LE(sub, 8 + 4 * i));
  return out;
}

function allowedAce(mask: number, sid: WellKnownSid): Buffer {
  const body = sidBytes(sid);
  const head = Buffer.alloc(8);
  head[0] = ACCESS_ALLOWED_ACE_TYPE;
  head[1] = 0; // no inheritance flags
  head.writeUInt16LE(8 + body.length, 2);
  head.writeUInt32LE(mask, 4);
  return Buffer.concat([head, body]);
}

function acl(aces: readonly Buffer[]): Buffer {
  const body = Buffer.concat(aces);
  const head = Buffer.alloc(8);
  head[0] = ACL_REVISION;
  head.writeUInt16LE(8 + body.length, 2);
  head.writeUInt16LE(aces.length, 4);
  return Buffer.concat([head, body]);
}

/**
 * The bytes of the descriptor admxkit writes: owner and group BUILTIN\Administrators; a DACL letting
 * SYSTEM and Administrators edit, delete and modify security, and Authenticated Users read.
 */
export function neutralSecurityDescriptor(): Uint8Array {
  const owner = sidBytes(BUILTIN_ADMINISTRATORS);
  const group = sidBytes(BUILTIN_ADMINISTRATORS);
  const dacl = acl([
    allowedAce(DS_EDIT_DELETE_MODIFY_SECURITY, LOCAL_SYSTEM),
    allowedAce(DS_EDIT_DELETE_MODIFY_SECURITY, BUILTIN_ADMINISTRATORS),
    allowedAce(DS_READ, AUTHENTICATED_USERS),
  ]);
  const header = Buffer.alloc(20);
  header[0] = 1; // descriptor revision
  header.writeUInt16LE(SE_SELF_RELATIVE | SE_DACL_PRESENT, 2);
  header.writeUInt32LE(20, 4); // owner right after the header
  header.writeUInt32LE(20 + owner.length, 8); // then the group
  header.writeUInt32LE(0, 12); // no SACL
  header.writeUInt32LE(20 + owner.length + group.length, 16); // then the DACL
  return new Uint8Array(Buffer.concat([header, owner, group, dacl]));
}

/** Bytes as GPMC spells them in Backup.xml: lowercase hex pairs separated by single spaces. */
export function spacedHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}
