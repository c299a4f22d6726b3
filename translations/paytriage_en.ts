<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>paytriage::Decoder</name>
    <message>
        <source>An invisible byte order mark (BOM) at the start of the text (line %1, column %2) was ignored.</source>
        <translation>An invisible byte order mark (BOM) at the start of the text (line %1, column %2) was ignored.</translation>
    </message>
    <message>
        <source>Text that is not JSON at line %1, column %2 was skipped: %3</source>
        <translation>Text that is not JSON at line %1, column %2 was skipped: %3</translation>
    </message>
    <message>
        <source>The key at line %1, column %2 had no quotes around it and was read as a string: %3</source>
        <translation>The key at line %1, column %2 had no quotes around it and was read as a string: %3</translation>
    </message>
    <message>
        <source>The string in single quotes at line %1, column %2 was read as a normal JSON string: %3</source>
        <translation>The string in single quotes at line %1, column %2 was read as a normal JSON string: %3</translation>
    </message>
    <message>
        <source>Curly quotes (“ ” or ‘ ’) around the string at line %1, column %2 were read as straight quotes: %3</source>
        <translation>Curly quotes (“ ” or ‘ ’) around the string at line %1, column %2 were read as straight quotes: %3</translation>
    </message>
    <message>
        <source>An extra comma with no value after it at line %1, column %2 was ignored: %3</source>
        <translation>An extra comma with no value after it at line %1, column %2 was ignored: %3</translation>
    </message>
    <message>
        <source>A comment at line %1, column %2 was ignored: %3</source>
        <translation>A comment at line %1, column %2 was ignored: %3</translation>
    </message>
    <message>
        <source>Another JSON value starts at line %1, column %2; it is shown as a separate document: %3</source>
        <translation>Another JSON value starts at line %1, column %2; it is shown as a separate document: %3</translation>
    </message>
    <message>
        <source>The JavaScript value at line %1, column %2 is not JSON and was read as null: %3</source>
        <translation>The JavaScript value at line %1, column %2 is not JSON and was read as null: %3</translation>
    </message>
    <message>
        <source>The number at line %1, column %2 does not fit in a 64-bit integer; it was kept as a decimal number and may be rounded: %3</source>
        <translation>The number at line %1, column %2 does not fit in a 64-bit integer; it was kept as a decimal number and may be rounded: %3</translation>
    </message>
    <message>
        <source>A comma was missing before the value at line %1, column %2 and was added: %3</source>
        <translation>A comma was missing before the value at line %1, column %2 and was added: %3</translation>
    </message>
    <message>
        <source>The text is empty or contains only white space. Paste a JSON response, a request body or a log excerpt.</source>
        <translation>The text is empty or contains only white space. Paste a JSON response, a request body or a log excerpt.</translation>
    </message>
    <message>
        <source>The text ends before the JSON is complete (line %1, column %2, after “%3”). The paste may have been cut off: copy the whole response again.</source>
        <translation>The text ends before the JSON is complete (line %1, column %2, after “%3”). The paste may have been cut off: copy the whole response again.</translation>
    </message>
    <message>
        <source>The JSON is not valid at line %1, column %2: expected %3 near “%4”. Fix the text at that spot, or copy the original response again.</source>
        <translation>The JSON is not valid at line %1, column %2: expected %3 near “%4”. Fix the text at that spot, or copy the original response again.</translation>
    </message>
    <message>
        <source>The text contains bytes that are not valid UTF-8 at line %1, column %2, near “%3”. Save the text as UTF-8 (not EUC-KR or CP949) and paste it again.</source>
        <translation>The text contains bytes that are not valid UTF-8 at line %1, column %2, near “%3”. Save the text as UTF-8 (not EUC-KR or CP949) and paste it again.</translation>
    </message>
    <message>
        <source>The text contains a NUL character at line %1, column %2, near “%3”. It is probably binary data or UTF-16 text: save it as UTF-8 and paste it again.</source>
        <translation>The text contains a NUL character at line %1, column %2, near “%3”. It is probably binary data or UTF-16 text: save it as UTF-8 and paste it again.</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply at line %1, column %2 (expected %3), near “%4”. API responses are never this deep: check that the right text was pasted.</source>
        <translation>The JSON is nested too deeply at line %1, column %2 (expected %3), near “%4”. API responses are never this deep: check that the right text was pasted.</translation>
    </message>
    <message>
        <source>The text is longer than %1 bytes, more than can be analysed at once. Paste only the part you need, such as a single API response.</source>
        <translation>The text is longer than %1 bytes, more than can be analysed at once. Paste only the part you need, such as a single API response.</translation>
    </message>
    <message>
        <source>No JSON object or array was found in the text. Paste the JSON part of the response or log; text around it may stay.</source>
        <translation>No JSON object or array was found in the text. Paste the JSON part of the response or log; text around it may stay.</translation>
    </message>
    <message>
        <source>The JSON is not valid at line %1, column %2, near “%3”. Fix the text at that spot, or copy the original response again.</source>
        <translation>The JSON is not valid at line %1, column %2, near “%3”. Fix the text at that spot, or copy the original response again.</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply at line %1, column %2, near “%3”. API responses are never this deep: check that the right text was pasted.</source>
        <translation>The JSON is nested too deeply at line %1, column %2, near “%3”. API responses are never this deep: check that the right text was pasted.</translation>
    </message>
    <message>
        <source>a value (an object, an array, a string, a number, true, false or null)</source>
        <translation>a value (an object, an array, a string, a number, true, false or null)</translation>
    </message>
    <message>
        <source>a comma or ]</source>
        <translation>a comma or ]</translation>
    </message>
    <message>
        <source>a comma or }</source>
        <translation>a comma or }</translation>
    </message>
    <message>
        <source>a closing ]</source>
        <translation>a closing ]</translation>
    </message>
    <message>
        <source>a key in double quotes or }</source>
        <translation>a key in double quotes or }</translation>
    </message>
    <message>
        <source>a key in double quotes</source>
        <translation>a key in double quotes</translation>
    </message>
    <message>
        <source>a key or }</source>
        <translation>a key or }</translation>
    </message>
    <message>
        <source>a key</source>
        <translation>a key</translation>
    </message>
    <message>
        <source>a colon after the key</source>
        <translation>a colon after the key</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>the end of the text</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>a digit</translation>
    </message>
    <message>
        <source>a valid escape sequence such as \n, \" or \u00E9</source>
        <translation>a valid escape sequence such as \n, \" or \u00E9</translation>
    </message>
    <message>
        <source>four hexadecimal digits after \u</source>
        <translation>four hexadecimal digits after \u</translation>
    </message>
    <message>
        <source>a complete surrogate pair (\uD800 to \uDBFF followed by \uDC00 to \uDFFF)</source>
        <translation>a complete surrogate pair (\uD800 to \uDBFF followed by \uDC00 to \uDFFF)</translation>
    </message>
    <message>
        <source>a closing quote (line breaks and tabs inside a string must be written as \n and \t)</source>
        <translation>a closing quote (line breaks and tabs inside a string must be written as \n and \t)</translation>
    </message>
    <message>
        <source>Part of the data is missing at line %1, column %2 (“%3”); only the complete values before it are shown. Copy the whole response again to see everything.</source>
        <translation>Part of the data is missing at line %1, column %2 (“%3”); only the complete values before it are shown. Copy the whole response again to see everything.</translation>
    </message>
</context>
<context>
    <name>paytriage::TextReport</name>
    <message>
        <source>%1 document(s) (%2)</source>
        <translation>%1 document(s) (%2)</translation>
    </message>
    <message>
        <source>%1 critical, %2 warning, %3 info</source>
        <translation>%1 critical, %2 warning, %3 info</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>Nothing at warning or above.</source>
        <translation>Nothing at warning or above.</translation>
    </message>
    <message>
        <source>Repairs made to read the text</source>
        <translation>Repairs made to read the text</translation>
    </message>
    <message>
        <source>(%1 more like it)</source>
        <translation>(%1 more like it)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>×%1 records</source>
        <translation>×%1 records</translation>
    </message>
    <message>
        <source>Timeline (KST)</source>
        <translation>Timeline (KST)</translation>
    </message>
    <message>
        <source>… %1 more events not shown</source>
        <translation>… %1 more events not shown</translation>
    </message>
    <message>
        <source>* no offset in the source; read as KST</source>
        <translation>* no offset in the source; read as KST</translation>
    </message>
</context>
<context>
    <name>paytriage::cli</name>
    <message>
        <source>Decode and analyse Toss Payments API responses: a payment, transactions, settlements, an in-app order status, an error or a webhook, pasted or saved as text. Lenient about what people paste (console.log output, curly quotes, comments, several objects in a row, JSON inside prose).</source>
        <translation>Decode and analyse Toss Payments API responses: a payment, transactions, settlements, an in-app order status, an error or a webhook, pasted or saved as text. Lenient about what people paste (console.log output, curly quotes, comments, several objects in a row, JSON inside prose).</translation>
    </message>
    <message>
        <source>Language of findings and messages: ko or en.</source>
        <translation>Language of findings and messages: ko or en.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Output format: text (default) or json.</translation>
    </message>
    <message>
        <source>Analyse as if it were this time (ISO 8601, e.g. 2025-04-02T08:50:00+09:00): time-based rules then read this clock.</source>
        <translation>Analyse as if it were this time (ISO 8601, e.g. 2025-04-02T08:50:00+09:00): time-based rules then read this clock.</translation>
    </message>
    <message>
        <source>The file to analyse, or - for standard input.</source>
        <translation>The file to analyse, or - for standard input.</translation>
    </message>
    <message>
        <source>Unknown format "%1": use text or json.</source>
        <translation>Unknown format "%1": use text or json.</translation>
    </message>
    <message>
        <source>Cannot read the time "%1": write it like 2025-04-02T08:50:00+09:00.</source>
        <translation>Cannot read the time "%1": write it like 2025-04-02T08:50:00+09:00.</translation>
    </message>
    <message>
        <source>Name one file to analyse, or - to read standard input. See: paytriage-cli analyze --help</source>
        <translation>Name one file to analyse, or - to read standard input. See: paytriage-cli analyze --help</translation>
    </message>
    <message>
        <source>The catalog override %1 is not valid JSON and was ignored.</source>
        <translation>The catalog override %1 is not valid JSON and was ignored.</translation>
    </message>
    <message>
        <source>%1: no such file. Check the path.</source>
        <translation>%1: no such file. Check the path.</translation>
    </message>
    <message>
        <source>%1 is a folder; name a file.</source>
        <translation>%1 is a folder; name a file.</translation>
    </message>
    <message>
        <source>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Large transaction or settlement dumps are analysed when the file is a single JSON array; otherwise split the file.</source>
        <translation>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Large transaction or settlement dumps are analysed when the file is a single JSON array; otherwise split the file.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>unknown command "%1".</source>
        <translation>unknown command "%1".</translation>
    </message>
    <message>
        <source>Explain Toss Payments error codes: meaning, likely causes, what to check, who has to act and the HTTP status.</source>
        <translation>Explain Toss Payments error codes: meaning, likely causes, what to check, who has to act and the HTTP status.</translation>
    </message>
    <message>
        <source>Language: ko or en.</source>
        <translation>Language: ko or en.</translation>
    </message>
    <message>
        <source>One or more error codes, e.g. NOT_FOUND_PAYMENT.</source>
        <translation>One or more error codes, e.g. NOT_FOUND_PAYMENT.</translation>
    </message>
    <message>
        <source>Name at least one error code, e.g. paytriage-cli explain NOT_FOUND_PAYMENT</source>
        <translation>Name at least one error code, e.g. paytriage-cli explain NOT_FOUND_PAYMENT</translation>
    </message>
    <message>
        <source>%1 is not in the catalog. Toss Payments adds codes without notice: check the message that came with it, or add the code to the catalog override.</source>
        <translation>%1 is not in the catalog. Toss Payments adds codes without notice: check the message that came with it, or add the code to the catalog override.</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Likely causes</source>
        <translation>Likely causes</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>What to check</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Who acts</translation>
    </message>
    <message>
        <source>Note: the sources disagree or are silent on part of this entry.</source>
        <translation>Note: the sources disagree or are silent on part of this entry.</translation>
    </message>
    <message>
        <source>Show where the catalog override file goes, or print the catalog in effect.</source>
        <translation>Show where the catalog override file goes, or print the catalog in effect.</translation>
    </message>
    <message>
        <source>Print the path of the user's catalog override file.</source>
        <translation>Print the path of the user's catalog override file.</translation>
    </message>
    <message>
        <source>Print the catalog in effect (built-in merged with the override) as JSON.</source>
        <translation>Print the catalog in effect (built-in merged with the override) as JSON.</translation>
    </message>
    <message>
        <source>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command's options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed.
</source>
        <translation>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command's options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed.
</translation>
    </message>
</context>
</TS>
