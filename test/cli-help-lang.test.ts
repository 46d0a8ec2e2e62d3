// Help and usage errors in the chosen language, commander's own words included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './helpers/cli.ts';

const COMMANDS = [[], ['demo'], ['connect'], ['connect', 'm365'], ['scan'], ['import'], ['events'], ['timeline'], ['assess'], ['report'], ['hunt'], ['sigma'], ['sigma', 'check'], ['verify']];
const COMMANDER_ENGLISH = /Usage:|Options:|Arguments:|Commands:|display help|output the version|\(default:|choices:/;

describe('help and usage errors in Japanese', () => {
  it('every command’s help has no English words of commander', async () => {
    for (const command of COMMANDS) {
      const r = await runCli(['--lang', 'ja', ...command, '--help']);
      assert.equal(r.code, 0, `${command.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, /^使い方: takeback/, command.join(' '));
      assert.doesNotMatch(r.stdout, COMMANDER_ENGLISH, `${command.join(' ')}:\n${r.stdout}`);
    }
  });

  it('usage errors are in Japanese, and in English with --lang en', async () => {
    const ja = await runCli(['--lang', 'ja', 'evnts']);
    assert.equal(ja.code, 2);
    assert.match(ja.stderr, /^エラー: 不明なコマンド 'evnts' です\n\(events のことですか\?\)/);
    const choice = await runCli(['--lang', 'ja', 'report', '--format', 'pdf']);
    assert.match(choice.stderr, /^エラー: オプション '--format <format>' の値 'pdf' は使えません。使える値: html, json/);
    const missing = await runCli(['--lang', 'ja', 'import']);
    assert.match(missing.stderr, /^エラー: 必須の引数 'files' がありません/);
    const en = await runCli(['--lang', 'en', 'evnts']);
    assert.match(en.stderr, /^error: unknown command 'evnts'\n\(Did you mean events\?\)/);
    const help = await runCli(['--lang', 'en', 'events', '--help']);
    assert.match(help.stdout, /^Usage: takeback events \[options\]/);
    assert.match(help.stdout, /-h, --help +display help for command/);
  });
});
