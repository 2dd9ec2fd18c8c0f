import type { Container, LifecycleHandler, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { execExitCode, runHook } from './hooks';

const pod = { metadata: { name: 'web', namespace: 'shop', uid: 'u-1' } } as Pod;
const nginx: Container = { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] };

describe('the exit code of an exec hook', () => {
  it.each<[string[], number]>([
    [['/bin/sh', '-c', 'echo hi > /usr/share/message'], 0],
    [['/bin/sh', '-c', 'echo register; exit 1'], 1],
    [['sh', '-c', 'exit 3'], 3],
    [['bash', '-c', 'exit 0'], 0],
    [['/app/hook', 'exit', '1'], 0], // not a shell script: it succeeds
  ])('%j → %i', (command, code) => {
    expect(execExitCode(command)).toBe(code);
  });
});

describe('handlerRunner.Run’s verdict and message (handlers.go)', () => {
  it.each<[string, LifecycleHandler, boolean, string]>([
    ['an exec hook that succeeds', { exec: { command: ['/bin/sh', '-c', 'echo ok'] } }, true, ''],
    [
      'an exec hook that exits 1',
      { exec: { command: ['/bin/sh', '-c', 'exit 1'] } },
      false,
      'Exec lifecycle hook ([/bin/sh -c exit 1]) for Container "nginx" in Pod "web_shop(u-1)" failed - error: command \'/bin/sh -c exit 1\' exited with 1: , message: ""',
    ],
    ['an httpGet hook to a declared port', { httpGet: { port: 80, path: '/warm' } }, true, ''],
    [
      'an httpGet hook to a port nothing listens on',
      { httpGet: { port: 8080, path: '/warm' } },
      false,
      'HTTP lifecycle hook (/warm) for Container "nginx" in Pod "web_shop(u-1)" failed - error: Get "http://10.244.1.5:8080/warm": dial tcp 10.244.1.5:8080: connect: connection refused',
    ],
    [
      'an httpGet hook by port name that the container does not declare',
      { httpGet: { port: 'admin', path: '/drain' } },
      false,
      'HTTP lifecycle hook (/drain) for Container "nginx" in Pod "web_shop(u-1)" failed - error: couldn\'t find port: admin',
    ],
    ['a sleep hook', { sleep: { seconds: 5 } }, true, ''],
  ])('%s', (_, handler, ok, message) => {
    expect(runHook(pod, nginx, handler, '10.244.1.5')).toEqual({ ok, message });
  });
});
