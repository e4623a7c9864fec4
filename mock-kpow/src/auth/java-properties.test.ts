import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseJavaProperties, readPropertiesFile } from './java-properties'

// Expected values are what java.util.Properties.load (JDK) produced for the same text.
const cases: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>]> = [
    ['colon separator with blanks', 'admin: secret', [['admin', 'secret']]],
    ['equals separator', 'a=b', [['a', 'b']]],
    ['blanks around equals', 'a   =   b  ', [['a', 'b  ']]],
    ['blank-only separator', 'a b', [['a', 'b']]],
    ['blank then colon is one separator', 'a  :  b', [['a', 'b']]],
    ['second separator belongs to the value', 'a==b', [['a', '=b']]],
    ['colon then equals: value starts at equals', 'a:=b', [['a', '=b']]],
    ['tab and form feed are blanks', '\ta\t=\fb', [['a', 'b']]],
    ['key without value', 'lonely', [['lonely', '']]],
    ['key with separator but no value', 'empty=', [['empty', '']]],
    ['hash comment', '# a=b\nc=d', [['c', 'd']]],
    ['bang comment after blanks', '   ! a=b\nc=d', [['c', 'd']]],
    ['hash inside a value is kept', 'a=b # not a comment', [['a', 'b # not a comment']]],
    ['comment line ending in backslash does not continue', '# note \\\na=b', [['a', 'b']]],
    ['escaped colon in key', 'a\\:b:c', [['a:b', 'c']]],
    ['escaped equals in key', 'a\\=b=c', [['a=b', 'c']]],
    ['escaped space in key', 'my\\ user = x', [['my user', 'x']]],
    ['escaped backslash then separator', 'a\\\\=b', [['a\\', 'b']]],
    ['simple escapes', 'k=\\t\\n\\r\\f', [['k', '\t\n\r\f']]],
    ['unicode escape', 'k=caf\\u00e9 \\u20AC', [['k', 'café €']]],
    ['unknown escape stands for itself', 'k=\\q\\"', [['k', 'q"']]],
    ['continuation drops leading blanks of the next line', 'k=one, \\\n     two', [['k', 'one, two']]],
    ['continuation over several lines', 'k=a\\\n b\\\n  c', [['k', 'abc']]],
    ['continued line starting with # is not a comment', 'k=a\\\n#b', [['k', 'a#b']]],
    [
        'even trailing backslashes do not continue',
        'k=a\\\\\nj=b',
        [
            ['k', 'a\\'],
            ['j', 'b'],
        ],
    ],
    [
        'continuation followed by an empty line ends the entry',
        'k=a\\\n\nj=b',
        [
            ['k', 'a'],
            ['j', 'b'],
        ],
    ],
    ['dangling backslash at end of input is dropped', 'k=a\\', [['k', 'a']]],
    [
        'CRLF line ends',
        'a=1\r\nb=2\r\n',
        [
            ['a', '1'],
            ['b', '2'],
        ],
    ],
    [
        'CR line ends and CRLF continuation',
        'a=1\\\r\n  2\rb=3',
        [
            ['a', '12'],
            ['b', '3'],
        ],
    ],
    ['blank lines and whitespace-only lines', '\n   \n\t\na=1\n\n', [['a', '1']]],
    [
        'later duplicates win',
        'a=1\nb=2\na=3',
        [
            ['a', '3'],
            ['b', '2'],
        ],
    ],
    ['empty key from a leading separator', '=value', [['', 'value']]],
    ['lone backslash line continues into the next', '\\\nk=v', [['k', 'v']]],
    ['lone backslash at end of input is an empty key', '\\', [['', '']]],
    ['continuation inside the key', 'k\\\n=v', [['k', 'v']]],
    ['escaped blanks in key, blanks kept inside value', 'a\\ \\ b  c d', [['a  b', 'c d']]],
    ['three trailing backslashes: one literal, one continuation', 'k=v\\\\\\', [['k', 'v\\']]],
]

describe('parseJavaProperties', () => {
    it.each(cases)('%s', (_name, text, expected) => {
        expect([...parseJavaProperties(text)].sort()).toEqual([...expected].sort())
    })

    it('refuses a malformed \\u escape, naming the source and line', () => {
        expect(() => parseJavaProperties('ok=1\nbad=\\u12G4', 'realm.properties')).toThrow(
            /realm\.properties:2: malformed \\uxxxx escape/
        )
        expect(() => parseJavaProperties('bad=\\u12')).toThrow(/four hex digits/)
    })
})

describe('readPropertiesFile', () => {
    it('decodes the file as ISO-8859-1, like Properties.load(InputStream)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'props-'))
        const path = join(dir, 'latin1.properties')
        // 0xE9 is é in Latin-1 and invalid on its own in UTF-8.
        writeFileSync(path, Buffer.from([0x6b, 0x3d, 0x63, 0x61, 0x66, 0xe9, 0x0a]))
        expect(readPropertiesFile(path).get('k')).toBe('café')
        // UTF-8 bytes are read as two Latin-1 characters, as Java would.
        writeFileSync(path, 'k=café\n', 'utf8')
        expect(readPropertiesFile(path).get('k')).toBe('cafÃ©')
    })
})
