/**
 * Lists every skipped test by its full name when a run ends: jest leaves out the console output of
 * a skipped file when it runs many, so a skip says why in its test's name.
 */
class SkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults
        .filter((test) => test.status === 'pending' || test.status === 'skipped')
        .map((test) => test.fullName),
    );
    if (skipped.length === 0) return;
    process.stdout.write(`\nskipped:\n${skipped.map((name) => `  - ${name}\n`).join('')}`);
  }
}

module.exports = SkippedTestsReporter;
