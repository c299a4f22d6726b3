<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>paytriage::ApiError</name>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (%1번 시도 후)</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid address.</source>
        <translation>기본 URL &quot;%1&quot;이(가) 올바른 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only to this computer (loopback); use https:// for %1.</source>
        <translation>http://는 이 컴퓨터(루프백)에만 쓸 수 있습니다. %1에는 https://를 쓰세요.</translation>
    </message>
    <message>
        <source>No secret key: set one in the profile or in PAYTRIAGE_SECRET_KEY.</source>
        <translation>시크릿 키가 없습니다. 프로필이나 PAYTRIAGE_SECRET_KEY에 설정하세요.</translation>
    </message>
    <message>
        <source>The provider did not accept the secret key (HTTP 401%1). Check the key of this profile: test and live keys differ, and the key must be a secret key (…_sk_…), not a client key.</source>
        <translation>제공자가 시크릿 키를 받아들이지 않았습니다(HTTP 401%1). 사용한 키를 확인하세요. 테스트 키와 라이브 키는 다르며, 클라이언트 키가 아닌 시크릿 키(…_sk_…)여야 합니다.</translation>
    </message>
    <message>
        <source>The provider is limiting requests (HTTP 429)%1. Wait a minute and try again, or lower the request rate.</source>
        <translation>제공자가 요청을 제한하고 있습니다(HTTP 429)%1. 잠시 기다렸다가 다시 시도하거나 요청 빈도를 낮추세요.</translation>
    </message>
    <message>
        <source>The provider had an internal error (HTTP %1%2)%3. It is usually temporary: try again in a few minutes; if it persists, check the provider&apos;s status page.</source>
        <translation>제공자 내부 오류입니다(HTTP %1%2)%3. 보통 일시적이니 몇 분 뒤 다시 시도하고, 계속되면 제공자의 장애 공지를 확인하세요.</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 with %2: %3</source>
        <translation>제공자가 HTTP %1, %2로 응답했습니다: %3</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 without an error code.</source>
        <translation>제공자가 오류 코드 없이 HTTP %1로 응답했습니다.</translation>
    </message>
    <message>
        <source>No complete answer arrived in time%1. The provider or the network is slow: try again, and for long periods of transactions or settlements query a shorter range.</source>
        <translation>제한 시간 안에 응답이 다 오지 않았습니다%1. 제공자나 네트워크가 느립니다. 다시 시도하고, 거래 내역이나 정산은 기간을 줄여 조회하세요.</translation>
    </message>
    <message>
        <source>The secure connection failed (%1). PayTriage does not ignore certificate errors: check the system clock, a proxy that intercepts TLS, or the base URL of the profile.</source>
        <translation>보안 연결에 실패했습니다(%1). PayTriage는 인증서 오류를 무시하지 않습니다. 시스템 시계, TLS를 가로채는 프록시, 기본 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>The provider could not be reached (%1)%2. Check the network connection, a proxy or firewall, and the base URL of the profile.</source>
        <translation>제공자에 연결할 수 없습니다(%1)%2. 네트워크 연결, 프록시나 방화벽, 기본 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>The provider redirected the request to another host; PayTriage did not follow it, so the secret key was not sent there. Check the base URL of the profile.</source>
        <translation>제공자가 요청을 다른 호스트로 넘기려 했지만 따라가지 않았습니다. 시크릿 키는 그곳으로 보내지 않았습니다. 기본 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>The answer is larger than the limit (%1) and was not read to the end. Query a shorter period.</source>
        <translation>응답이 한도(%1)보다 커서 끝까지 읽지 않았습니다. 기간을 줄여 조회하세요.</translation>
    </message>
    <message>
        <source>The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; try again and check the base URL.</source>
        <translation>응답이 API가 보내는 JSON이 아닙니다(%1). 중간에 프록시나 인증 포털이 있을 수 있으니 다시 시도하고 기본 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseFetcher</name>
    <message>
        <source>payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>transactions</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <source>settlements</source>
        <translation>정산</translation>
    </message>
    <message>
        <source>in-app order status</source>
        <translation>인앱결제 주문 상태</translation>
    </message>
</context>
<context>
    <name>paytriage::Decoder</name>
    <message>
        <source>An invisible byte order mark (BOM) at the start of the text (line %1, column %2) was ignored.</source>
        <translation>텍스트 맨 앞(%1행 %2열)의 보이지 않는 바이트 순서 표시(BOM)를 무시했습니다.</translation>
    </message>
    <message>
        <source>Text that is not JSON at line %1, column %2 was skipped: %3</source>
        <translation>%1행 %2열의 JSON이 아닌 텍스트를 건너뛰었습니다: %3</translation>
    </message>
    <message>
        <source>The key at line %1, column %2 had no quotes around it and was read as a string: %3</source>
        <translation>%1행 %2열의 키에 따옴표가 없어 문자열로 읽었습니다: %3</translation>
    </message>
    <message>
        <source>The string in single quotes at line %1, column %2 was read as a normal JSON string: %3</source>
        <translation>%1행 %2열의 작은따옴표 문자열을 일반 JSON 문자열로 읽었습니다: %3</translation>
    </message>
    <message>
        <source>Curly quotes (“ ” or ‘ ’) around the string at line %1, column %2 were read as straight quotes: %3</source>
        <translation>%1행 %2열 문자열을 감싼 둥근 따옴표(“ ” 또는 ‘ ’)를 곧은 따옴표로 읽었습니다: %3</translation>
    </message>
    <message>
        <source>An extra comma with no value after it at line %1, column %2 was ignored: %3</source>
        <translation>%1행 %2열에서 뒤에 값이 없는 쉼표를 무시했습니다: %3</translation>
    </message>
    <message>
        <source>A comment at line %1, column %2 was ignored: %3</source>
        <translation>%1행 %2열의 주석을 무시했습니다: %3</translation>
    </message>
    <message>
        <source>Another JSON value starts at line %1, column %2; it is shown as a separate document: %3</source>
        <translation>%1행 %2열에서 다른 JSON 값이 시작되어 별도 문서로 보여 줍니다: %3</translation>
    </message>
    <message>
        <source>The JavaScript value at line %1, column %2 is not JSON and was read as null: %3</source>
        <translation>%1행 %2열의 JavaScript 값은 JSON이 아니어서 null로 읽었습니다: %3</translation>
    </message>
    <message>
        <source>The number at line %1, column %2 does not fit in a 64-bit integer; it was kept as a decimal number and may be rounded: %3</source>
        <translation>%1행 %2열의 숫자가 64비트 정수 범위를 넘어 소수로 보관했습니다. 반올림되었을 수 있습니다: %3</translation>
    </message>
    <message>
        <source>A comma was missing before the value at line %1, column %2 and was added: %3</source>
        <translation>%1행 %2열 값 앞에 빠진 쉼표를 채워 읽었습니다: %3</translation>
    </message>
    <message>
        <source>The text is empty or contains only white space. Paste a JSON response, a request body or a log excerpt.</source>
        <translation>텍스트가 비어 있거나 공백뿐입니다. JSON 응답, 요청 본문이나 로그 일부를 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The text ends before the JSON is complete (line %1, column %2, after “%3”). The paste may have been cut off: copy the whole response again.</source>
        <translation>JSON이 끝나기 전에 텍스트가 끝났습니다(%1행 %2열, “%3” 뒤). 복사하다 잘렸을 수 있으니 응답 전체를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>The JSON is not valid at line %1, column %2: expected %3 near “%4”. Fix the text at that spot, or copy the original response again.</source>
        <translation>%1행 %2열의 JSON이 올바르지 않습니다. “%4” 근처에 %3이(가) 와야 합니다. 그 부분을 고치거나 원래 응답을 다시 복사하세요.</translation>
    </message>
    <message>
        <source>The text contains bytes that are not valid UTF-8 at line %1, column %2, near “%3”. Save the text as UTF-8 (not EUC-KR or CP949) and paste it again.</source>
        <translation>%1행 %2열(“%3” 근처)에 올바른 UTF-8이 아닌 바이트가 있습니다. 텍스트를 EUC-KR이나 CP949가 아닌 UTF-8로 저장해 다시 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The text contains a NUL character at line %1, column %2, near “%3”. It is probably binary data or UTF-16 text: save it as UTF-8 and paste it again.</source>
        <translation>%1행 %2열(“%3” 근처)에 NUL 문자가 있습니다. 바이너리 데이터이거나 UTF-16 텍스트일 수 있으니 UTF-8로 저장해 다시 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply at line %1, column %2 (expected %3), near “%4”. API responses are never this deep: check that the right text was pasted.</source>
        <translation>%1행 %2열(“%4” 근처)에서 JSON 중첩이 너무 깊습니다(%3). API 응답은 이렇게 깊지 않으니 올바른 텍스트를 붙여 넣었는지 확인하세요.</translation>
    </message>
    <message>
        <source>The text is longer than %1 bytes, more than can be analysed at once. Paste only the part you need, such as a single API response.</source>
        <translation>텍스트가 %1바이트보다 길어 한 번에 분석할 수 없습니다. API 응답 하나처럼 필요한 부분만 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>No JSON object or array was found in the text. Paste the JSON part of the response or log; text around it may stay.</source>
        <translation>텍스트에서 JSON 객체나 배열을 찾지 못했습니다. 응답이나 로그의 JSON 부분을 붙여 넣으세요. 앞뒤 설명 글은 있어도 됩니다.</translation>
    </message>
    <message>
        <source>The JSON is not valid at line %1, column %2, near “%3”. Fix the text at that spot, or copy the original response again.</source>
        <translation>%1행 %2열(“%3” 근처)의 JSON이 올바르지 않습니다. 그 부분을 고치거나 원래 응답을 다시 복사하세요.</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply at line %1, column %2, near “%3”. API responses are never this deep: check that the right text was pasted.</source>
        <translation>%1행 %2열(“%3” 근처)에서 JSON 중첩이 너무 깊습니다. API 응답은 이렇게 깊지 않으니 올바른 텍스트를 붙여 넣었는지 확인하세요.</translation>
    </message>
    <message>
        <source>a value (an object, an array, a string, a number, true, false or null)</source>
        <translation>값(객체, 배열, 문자열, 숫자, true, false, null)</translation>
    </message>
    <message>
        <source>a comma or ]</source>
        <translation>쉼표 또는 ]</translation>
    </message>
    <message>
        <source>a comma or }</source>
        <translation>쉼표 또는 }</translation>
    </message>
    <message>
        <source>a closing ]</source>
        <translation>닫는 ]</translation>
    </message>
    <message>
        <source>a key in double quotes or }</source>
        <translation>큰따옴표로 감싼 키 또는 }</translation>
    </message>
    <message>
        <source>a key in double quotes</source>
        <translation>큰따옴표로 감싼 키</translation>
    </message>
    <message>
        <source>a key or }</source>
        <translation>키 또는 }</translation>
    </message>
    <message>
        <source>a key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>a colon after the key</source>
        <translation>키 뒤의 콜론(:)</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>텍스트의 끝</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a valid escape sequence such as \n, \&quot; or \u00E9</source>
        <translation>\n, \&quot;, \u00E9 같은 올바른 이스케이프</translation>
    </message>
    <message>
        <source>four hexadecimal digits after \u</source>
        <translation>\u 뒤의 16진수 네 자리</translation>
    </message>
    <message>
        <source>a complete surrogate pair (\uD800 to \uDBFF followed by \uDC00 to \uDFFF)</source>
        <translation>완전한 서로게이트 쌍(\uD800~\uDBFF 뒤에 \uDC00~\uDFFF)</translation>
    </message>
    <message>
        <source>a closing quote (line breaks and tabs inside a string must be written as \n and \t)</source>
        <translation>닫는 따옴표(문자열 안의 줄바꿈과 탭은 \n, \t로 써야 합니다)</translation>
    </message>
    <message>
        <source>Part of the data is missing at line %1, column %2 (“%3”); only the complete values before it are shown. Copy the whole response again to see everything.</source>
        <translation>%1행 %2열부터 데이터 일부가 빠져 있어(“%3”) 그 앞의 완전한 값만 보여 줍니다. 모두 보려면 응답 전체를 다시 복사하세요.</translation>
    </message>
</context>
<context>
    <name>paytriage::TextReport</name>
    <message>
        <source>%1 document(s) (%2)</source>
        <translation>문서 %1개 (%2)</translation>
    </message>
    <message>
        <source>%1 critical, %2 warning, %3 info</source>
        <translation>심각 %1, 경고 %2, 정보 %3</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>레코드 %1개</translation>
    </message>
    <message>
        <source>Nothing at warning or above.</source>
        <translation>경고 이상인 발견 사항이 없습니다.</translation>
    </message>
    <message>
        <source>Repairs made to read the text</source>
        <translation>텍스트를 읽으려고 고친 부분</translation>
    </message>
    <message>
        <source>(%1 more like it)</source>
        <translation>(같은 종류 %1개 더)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>×%1 records</source>
        <translation>레코드 %1개</translation>
    </message>
    <message>
        <source>Timeline (KST)</source>
        <translation>타임라인 (KST)</translation>
    </message>
    <message>
        <source>… %1 more events not shown</source>
        <translation>… 이벤트 %1개 더 있음</translation>
    </message>
    <message>
        <source>* no offset in the source; read as KST</source>
        <translation>* 원본에 시간대 오프셋이 없어 KST로 읽음</translation>
    </message>
</context>
<context>
    <name>paytriage::cli</name>
    <message>
        <source>Decode and analyse Toss Payments API responses: a payment, transactions, settlements, an in-app order status, an error or a webhook, pasted or saved as text. Lenient about what people paste (console.log output, curly quotes, comments, several objects in a row, JSON inside prose).</source>
        <translation>토스페이먼츠 API 응답(결제, 거래 내역, 정산, 인앱결제 주문 상태, 오류, 웹훅)을 붙여 넣거나 저장한 텍스트에서 읽어 분석합니다. console.log 출력, 둥근 따옴표, 주석, 연달아 붙인 여러 객체, 설명 글 속 JSON도 읽습니다.</translation>
    </message>
    <message>
        <source>Language of findings and messages: ko or en.</source>
        <translation>발견 사항과 메시지의 언어: ko 또는 en.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>출력 형식: text(기본) 또는 json.</translation>
    </message>
    <message>
        <source>Analyse as if it were this time (ISO 8601, e.g. 2025-04-02T08:50:00+09:00): time-based rules then read this clock.</source>
        <translation>이 시각인 것처럼 분석합니다(ISO 8601, 예: 2025-04-02T08:50:00+09:00). 시간 기준 규칙이 이 시각을 씁니다.</translation>
    </message>
    <message>
        <source>The file to analyse, or - for standard input.</source>
        <translation>분석할 파일, 또는 표준 입력이면 -.</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use text or json.</source>
        <translation>알 수 없는 형식 &quot;%1&quot;: text 또는 json을 쓰세요.</translation>
    </message>
    <message>
        <source>Cannot read the time &quot;%1&quot;: write it like 2025-04-02T08:50:00+09:00.</source>
        <translation>시각 &quot;%1&quot;을(를) 읽을 수 없습니다. 2025-04-02T08:50:00+09:00처럼 쓰세요.</translation>
    </message>
    <message>
        <source>Name one file to analyse, or - to read standard input. See: paytriage-cli analyze --help</source>
        <translation>분석할 파일 하나를 지정하거나, 표준 입력을 읽으려면 -를 쓰세요. 도움말: paytriage-cli analyze --help</translation>
    </message>
    <message>
        <source>The catalog override %1 is not valid JSON and was ignored.</source>
        <translation>카탈로그 덮어쓰기 파일 %1이(가) 올바른 JSON이 아니어서 무시했습니다.</translation>
    </message>
    <message>
        <source>%1: no such file. Check the path.</source>
        <translation>%1: 파일이 없습니다. 경로를 확인하세요.</translation>
    </message>
    <message>
        <source>%1 is a folder; name a file.</source>
        <translation>%1은(는) 폴더입니다. 파일을 지정하세요.</translation>
    </message>
    <message>
        <source>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Large transaction or settlement dumps are analysed when the file is a single JSON array; otherwise split the file.</source>
        <translation>%1은(는) %2 MB로 한 문서로 분석하기에 너무 큽니다(한도 %3 MB). 큰 거래 내역·정산 덤프는 파일 전체가 JSON 배열 하나일 때 분석할 수 있습니다. 아니면 파일을 나누세요.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>알 수 없는 명령 &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Explain Toss Payments error codes: meaning, likely causes, what to check, who has to act and the HTTP status.</source>
        <translation>토스페이먼츠 오류 코드를 설명합니다: 의미, 가능한 원인, 확인할 것, 조치 주체, HTTP 상태.</translation>
    </message>
    <message>
        <source>One or more error codes, e.g. NOT_FOUND_PAYMENT.</source>
        <translation>오류 코드 하나 이상. 예: NOT_FOUND_PAYMENT.</translation>
    </message>
    <message>
        <source>Name at least one error code, e.g. paytriage-cli explain NOT_FOUND_PAYMENT</source>
        <translation>오류 코드를 하나 이상 지정하세요. 예: paytriage-cli explain NOT_FOUND_PAYMENT</translation>
    </message>
    <message>
        <source>%1 is not in the catalog. Toss Payments adds codes without notice: check the message that came with it, or add the code to the catalog override.</source>
        <translation>%1은(는) 카탈로그에 없습니다. 토스페이먼츠는 예고 없이 코드를 추가합니다. 함께 온 메시지를 확인하거나 카탈로그 덮어쓰기 파일에 코드를 추가하세요.</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <source>Likely causes</source>
        <translation>가능한 원인</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>확인할 것</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>조치 주체</translation>
    </message>
    <message>
        <source>Note: the sources disagree or are silent on part of this entry.</source>
        <translation>참고: 이 항목의 일부는 출처끼리 다르거나 확인되지 않았습니다.</translation>
    </message>
    <message>
        <source>Show where the catalog override file goes, or print the catalog in effect.</source>
        <translation>카탈로그 덮어쓰기 파일의 위치를 보여 주거나, 적용 중인 카탈로그를 출력합니다.</translation>
    </message>
    <message>
        <source>Print the path of the user&apos;s catalog override file.</source>
        <translation>사용자 카탈로그 덮어쓰기 파일의 경로를 출력합니다.</translation>
    </message>
    <message>
        <source>Print the catalog in effect (built-in merged with the override) as JSON.</source>
        <translation>적용 중인 카탈로그(기본 카탈로그에 덮어쓰기를 합친 것)를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the payment, its transactions and its settlements. Read-only: nothing that moves money is called. The secret key comes from the environment variable PAYTRIAGE_SECRET_KEY, never from the command line.</source>
        <translation>orderId나 paymentKey로 결제를 조회하고 제공자가 아는 모든 것(결제, 거래 내역, 정산)을 분석합니다. 읽기 전용이라 돈이 움직이는 API는 호출하지 않습니다. 시크릿 키는 명령줄이 아닌 환경 변수 PAYTRIAGE_SECRET_KEY에서 읽습니다.</translation>
    </message>
    <message>
        <source>The merchant&apos;s orderId.</source>
        <translation>가맹점의 orderId.</translation>
    </message>
    <message>
        <source>The paymentKey.</source>
        <translation>paymentKey.</translation>
    </message>
    <message>
        <source>API base URL (default https://api.tosspayments.com; http:// only to this computer).</source>
        <translation>API 기본 URL(기본값 https://api.tosspayments.com, http://는 이 컴퓨터에만).</translation>
    </message>
    <message>
        <source>Send this TossPayments-API-Version header.</source>
        <translation>이 값으로 TossPayments-API-Version 헤더를 보냅니다.</translation>
    </message>
    <message>
        <source>An orderId or paymentKey (kind detected) instead of the options.</source>
        <translation>옵션 대신 orderId나 paymentKey(종류는 자동 판별).</translation>
    </message>
    <message>
        <source>Name the payment: --order-id ID or --payment-key KEY.</source>
        <translation>조회할 결제를 지정하세요: --order-id ID 또는 --payment-key KEY.</translation>
    </message>
    <message>
        <source>Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON line per id on standard output as each finishes; progress and failures on standard error; a failed id never stops the others. The secret key comes from PAYTRIAGE_SECRET_KEY.</source>
        <translation>장애 중에 여러 결제를 조회해 하나씩 분석합니다. id는 한 줄에 하나씩, 또는 CSV의 한 열로 줍니다. 끝나는 대로 id마다 JSON 한 줄을 표준 출력에, 진행 상황과 실패는 표준 오류에 씁니다. 한 id가 실패해도 나머지는 계속합니다. 시크릿 키는 PAYTRIAGE_SECRET_KEY에서 읽습니다.</translation>
    </message>
    <message>
        <source>Lookups in flight at once (default 4).</source>
        <translation>동시에 진행할 조회 수(기본 4).</translation>
    </message>
    <message>
        <source>At most this many lookups started per second (default: no limit).</source>
        <translation>초당 시작할 조회 수의 상한(기본: 제한 없음).</translation>
    </message>
    <message>
        <source>CSV column holding the ids (default: orderId or paymentKey, else the first).</source>
        <translation>id가 든 CSV 열(기본: orderId나 paymentKey, 없으면 첫 열).</translation>
    </message>
    <message>
        <source>Also fetch each payment&apos;s transactions and settlements, as lookup does (slower: those are merchant-wide lists). By default only the payments are fetched.</source>
        <translation>lookup처럼 결제마다 거래 내역과 정산도 조회합니다(가맹점 전체 목록이라 느립니다). 기본은 결제만 조회합니다.</translation>
    </message>
    <message>
        <source>The ids, or - for standard input.</source>
        <translation>id 목록 파일, 또는 표준 입력이면 -.</translation>
    </message>
    <message>
        <source>Name one file of ids, or - to read standard input.</source>
        <translation>id 목록 파일 하나를 지정하거나, 표준 입력을 읽으려면 -를 쓰세요.</translation>
    </message>
    <message>
        <source>--concurrency takes a whole number from 1 to 64.</source>
        <translation>--concurrency에는 1에서 64 사이의 정수를 쓰세요.</translation>
    </message>
    <message>
        <source>--rate takes a number of lookups per second above 0.</source>
        <translation>--rate에는 0보다 큰 초당 조회 수를 쓰세요.</translation>
    </message>
    <message>
        <source>No ids found in %1.</source>
        <translation>%1에서 id를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 repeated ids are looked up once.</source>
        <translation>중복된 id %1개는 한 번만 조회합니다.</translation>
    </message>
    <message>
        <source>%1 of %2 done, %3 failed</source>
        <translation>%2개 중 %1개 완료, %3개 실패</translation>
    </message>
    <message>
        <source>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  lookup ID        fetch a payment, its transactions and settlements, and analyse them
  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command&apos;s options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed.
</source>
        <translation>사용법: paytriage-cli 명령 [옵션]

명령:
  analyze FILE|-   저장하거나 붙여 넣은 API 응답을 읽어 분석합니다
  lookup ID        결제와 거래 내역, 정산을 조회해 분석합니다
  batch FILE|-     여러 id(한 줄에 하나 또는 CSV 열)를 조회해 하나씩 분석합니다
  explain CODE...  토스 오류 코드의 의미, 원인, 확인할 것, 조치 주체
  catalog --path   카탈로그 덮어쓰기 파일의 위치 (--dump: 카탈로그 출력)

명령별 옵션: paytriage-cli 명령 --help
종료 상태: 0 경고 이상 없음, 1 경고 이상 발견, 2 실패.
</translation>
    </message>
</context>
<context>
    <name>paytriage::sandbox</name>
    <message numerus="yes">
        <source>paytriage-sandbox: %1 generated payments (%n day(s) × %2 from %3), %4 transactions, %5 settlement rows; ready in %6 ms. Ctrl+C stops it.
</source>
        <translation>
            <numerusform>paytriage-sandbox: 생성된 결제 %1건 (%n일 × 하루 %2건, %3부터), 거래 %4건, 정산 행 %5건. %6 ms 만에 준비됨. Ctrl+C로 멈춥니다.
</numerusform>
        </translation>
    </message>
    <message>
        <source>generated: virtual account canceled before any deposit (CANCELED, no DONE)</source>
        <translation>생성 데이터: 입금 전에 취소된 가상계좌 (CANCELED, DONE 없음)</translation>
    </message>
    <message>
        <source>generated: DONE card payment whose approvedAt is null</source>
        <translation>생성 데이터: approvedAt이 null인 DONE 카드 결제</translation>
    </message>
    <message>
        <source>generated: settlement row whose payOutAmount is not amount − fee (1,000 short)</source>
        <translation>생성 데이터: payOutAmount가 금액 − 수수료와 다른 정산 행 (1,000 부족)</translation>
    </message>
    <message>
        <source>generated: payment stuck IN_PROGRESS although its DONE transaction exists</source>
        <translation>생성 데이터: DONE 거래가 있는데 IN_PROGRESS에 머문 결제</translation>
    </message>
    <message>
        <source>generated: PARTIAL_CANCELED payment whose balanceAmount is not total − cancels</source>
        <translation>생성 데이터: balanceAmount가 총액 − 취소액과 다른 PARTIAL_CANCELED 결제</translation>
    </message>
    <message>
        <source>seed 000: confirm answered IN_PROGRESS with nulls, but the card company approved it (DONE transaction)</source>
        <translation>사례 000: 승인 API가 null이 섞인 IN_PROGRESS로 응답했지만 카드사는 승인함 (DONE 거래)</translation>
    </message>
    <message>
        <source>seed 001: virtual account canceled before any deposit; CANCELED transaction of 22,400 with no DONE</source>
        <translation>사례 001: 입금 전에 취소된 가상계좌, DONE 없이 22,400원 CANCELED 거래</translation>
    </message>
    <message>
        <source>seed 004: card payment of 99,800 approved and canceled the same day, with its approval and cancel settlement rows</source>
        <translation>사례 004: 같은 날 승인·취소된 99,800원 카드 결제와 승인·취소 정산 행</translation>
    </message>
    <message>
        <source>fault: the answer comes 1.5 s late</source>
        <translation>장애: 응답이 1.5초 늦게 옴</translation>
    </message>
    <message>
        <source>fault: 429 with Retry-After: 2</source>
        <translation>장애: Retry-After: 2가 붙은 429</translation>
    </message>
    <message>
        <source>fault: 500 FAILED_INTERNAL_SYSTEM_PROCESSING</source>
        <translation>장애: 500 FAILED_INTERNAL_SYSTEM_PROCESSING</translation>
    </message>
    <message>
        <source>fault: 502 from the gateway, Toss-style body</source>
        <translation>장애: 게이트웨이의 502, 토스 형식 본문</translation>
    </message>
    <message>
        <source>fault: 503 with Retry-After: 5</source>
        <translation>장애: Retry-After: 5가 붙은 503</translation>
    </message>
    <message>
        <source>fault: the connection is reset, no response</source>
        <translation>장애: 응답 없이 연결이 끊김</translation>
    </message>
    <message>
        <source>fault: the body stops short of its Content-Length</source>
        <translation>장애: 본문이 Content-Length보다 짧게 끝남</translation>
    </message>
    <message>
        <source>fault: 200 with a body that is not valid JSON</source>
        <translation>장애: 올바른 JSON이 아닌 본문의 200</translation>
    </message>
    <message>
        <source>fault: an HTML page instead of JSON</source>
        <translation>장애: JSON 대신 HTML 페이지</translation>
    </message>
    <message>
        <source>fault: the body trickles in over 2 s</source>
        <translation>장애: 본문이 2초에 걸쳐 조금씩 옴</translation>
    </message>
    <message>
        <source>fault: a valid JSON array of 64 MiB, streamed</source>
        <translation>장애: 64 MiB짜리 올바른 JSON 배열을 스트리밍</translation>
    </message>
    <message>
        <source>seed 002: in-app order PAYMENT_COMPLETED, a status newer than the guide (POST get-order-status)</source>
        <translation>사례 002: 가이드보다 새로운 상태 PAYMENT_COMPLETED의 인앱 주문 (POST get-order-status)</translation>
    </message>
    <message>
        <source>seed 002: in-app order PURCHASED, the answer before the change</source>
        <translation>사례 002: 변경 전 응답인 PURCHASED 인앱 주문</translation>
    </message>
    <message>
        <source>in-app order ORDER_IN_PROGRESS (the guide&apos;s example)</source>
        <translation>인앱 주문 ORDER_IN_PROGRESS (가이드의 예시)</translation>
    </message>
    <message>
        <source>the fault &quot;%1&quot; takes no parameter</source>
        <translation>장애 &quot;%1&quot;에는 매개변수가 없습니다</translation>
    </message>
    <message>
        <source>the parameter of &quot;%1&quot; must be a whole number from 0 to %2</source>
        <translation>&quot;%1&quot;의 매개변수는 0에서 %2 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>unknown fault &quot;%1&quot;; known faults: %2</source>
        <translation>알 수 없는 장애 &quot;%1&quot;. 가능한 장애: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no rate; write KIND[:PARAM]:RATE, e.g. 429:0.05</source>
        <translation>&quot;%1&quot;에 비율이 없습니다. KIND[:PARAM]:RATE 형식으로 쓰세요. 예: 429:0.05</translation>
    </message>
    <message>
        <source>the rate in &quot;%1&quot; must be a number from 0 to 1</source>
        <translation>&quot;%1&quot;의 비율은 0에서 1 사이의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>the fault rates add up to %1, more than 1</source>
        <translation>장애 비율의 합이 %1로 1보다 큽니다</translation>
    </message>
</context>
</TS>
