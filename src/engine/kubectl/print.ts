/**
 * What kubectl prints for an answer: the name printer's `deployment.apps/nginx
 * scaled`, delete's `pod "nginx" deleted`, and cmdutil.checkErr's forms of an
 * API error (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go:
 * StandardErrorMessage, the Invalid case with MultilineError, AddSourceToErr).
 */
import type { ResourceInfo } from '../apiserver/resources';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** `pod`, `deployment.apps`: the lower-cased kind with its group, as kubectl names a resource. */
export function kindString(info: Pick<ResourceInfo, 'kind' | 'group'>): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/** The name printer with an operation: `deployment.apps/nginx created`. */
export function printName(info: Pick<ResourceInfo, 'kind' | 'group'>, name: string, op: string): string {
  return `${kindString(info)}/${name} ${op}`;
}

/** metav1.StatusReason for the statuses kube-apiserver answers with (apimachinery's errors.go). */
export function reasonOf(status: number, message: string): string {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 409:
      return message.endsWith('already exists') ? 'AlreadyExists' : 'Conflict';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    case 504:
      return 'Timeout';
    case 500:
      // ErrorToAPIStatus gives a plain (non-status) error StatusReasonUnknown: no reason at all.
      return message.startsWith('Internal error occurred') ? 'InternalError' : '';
    default:
      return 'InternalError';
  }
}

/**
 * The field errors of an Invalid message, `Pod "x" is invalid: [a: b, c: d]`:
 * the causes kubectl prints one per line. A cause starts with a field path.
 */
function causesOf(list: string): string[] {
  if (!(list.startsWith('[') && list.endsWith(']'))) return [list];
  return list.slice(1, -1).split(/, (?=[a-zA-Z][\w.[\]\-/]*: )/);
}

/** The text kubectl prints for an API error; `verb` and `source` for an object read from a file. */
export function errorText(status: number, message: string, verb = '', source?: string): string {
  const reason = reasonOf(status, message);
  if (reason === 'Invalid') {
    const m = /^(\S+) "([^"]*)" is invalid: ([\s\S]*)$/.exec(message);
    if (!m) return 'The request is invalid';
    const prefix = `The ${m[1]} "${m[2]}" is invalid: `;
    const causes = causesOf(m[3]!);
    // MultilineError: one cause on the same line, several as a list below.
    return causes.length === 1 ? prefix + causes[0] : `${prefix}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const text = source && verb ? `error when ${verb} "${source}": ${message}` : message;
  if (reason === 'Unauthorized') return `error: You must be logged in to the server (${text})`;
  if (!reason) return `Error from server: ${text}`;
  return `Error from server (${reason}): ${text}`;
}
