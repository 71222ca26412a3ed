import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectLanguage } from './language.js'

// Sentences written for this test.
const samples: [string, string][] = [
  ['en', 'The city council postponed its vote on the bridge repair contract on Monday, the third delay since March, the mayor said.'],
  ['de', 'Der Stadtrat hat die Abstimmung über den Vertrag zur Reparatur der Brücke am Montag erneut verschoben, sagte die Bürgermeisterin.'],
  ['pt', 'A câmara municipal adiou nesta segunda-feira a votação do contrato de reparação da ponte, pela terceira vez desde março.'],
  ['it', 'Il consiglio comunale ha rinviato lunedì il voto sul contratto per la riparazione del ponte, per la terza volta da marzo.'],
  ['es', 'El ayuntamiento aplazó el lunes la votación del contrato de reparación del puente, por tercera vez desde marzo, dijo la alcaldesa.'],
  ['fr', 'Le conseil municipal a de nouveau reporté lundi le vote sur le contrat de réparation du pont, pour la troisième fois depuis mars.'],
  ['id', 'Dewan kota kembali menunda pemungutan suara tentang kontrak perbaikan jembatan pada hari Senin, untuk ketiga kalinya sejak Maret.'],
]

test('language: news sentences in seven languages', () => {
  for (const [language, text] of samples) assert.deepEqual(detectLanguage(text), { language, reliable: true }, text)
})

test('language: English full of foreign names stays English', () => {
  const text = 'Jens Stoltenberg met Olaf Scholz and Giorgia Meloni in Brussels on Tuesday, where Ursula von der Leyen said the bloc '
    + 'would respond within days. Officials from both countries declined to say how much money would be involved.'
  assert.equal(detectLanguage(text).language, 'en')
})

test('language: too little text to tell is "und" and unreliable', () => {
  for (const text of ['', '123', '<p> </p>', 'Breaking news!']) assert.deepEqual(detectLanguage(text), { language: 'und', reliable: false }, text)
})
