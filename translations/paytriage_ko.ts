<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>paytriage</name>
    <message>
        <source>no such file: check the path.</source>
        <translation>그런 파일이 없습니다. 경로를 확인하세요.</translation>
    </message>
    <message>
        <source>this is a folder: name a file.</source>
        <translation>폴더입니다. 파일을 지정하세요.</translation>
    </message>
    <message>
        <source>not a regular file (a device, a pipe or a socket): save the text to a file first.</source>
        <translation>일반 파일이 아닙니다(장치, 파이프, 소켓). 먼저 텍스트를 파일로 저장하세요.</translation>
    </message>
    <message>
        <source>%1 MB, more than %2 MB: too large to read at once.</source>
        <translation>%1 MB로 %2 MB를 넘어 한 번에 읽기에는 너무 큽니다.</translation>
    </message>
    <message>
        <source>more than %1 MB: too large to read at once.</source>
        <translation>%1 MB를 넘어 한 번에 읽기에는 너무 큽니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::AnalyzeTextDialog</name>
    <message>
        <source>Analyse text</source>
        <translation>텍스트 분석</translation>
    </message>
    <message>
        <source>Case &amp;name</source>
        <translation>케이스 이름(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. ticket 4512</source>
        <translation>예: 티켓 4512</translation>
    </message>
    <message>
        <source>Paste a response, webhook body, console.log output or a chat message with JSON in it. Not strict JSON is fine: PayTriage repairs quotes, comments and fragments and tells you what it changed.</source>
        <translation>응답, 웹훅 본문, console.log 출력, JSON이 섞인 채팅 메시지를 붙여 넣으세요. 엄격한 JSON이 아니어도 됩니다. PayTriage가 따옴표, 주석, 잘린 조각을 고치고 무엇을 고쳤는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Text to analyse</source>
        <translation>분석할 텍스트</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>Analyse the text (Ctrl+Enter)</source>
        <translation>텍스트 분석 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Analyse &amp;as of</source>
        <translation>분석 기준 시각(&amp;A)</translation>
    </message>
    <message>
        <source>Judge the evidence at the time it was captured (how long a payment had been in progress then), not now</source>
        <translation>지금이 아니라 증거를 남긴 시각을 기준으로 판단합니다(그때 결제가 얼마나 진행 중이었는지)</translation>
    </message>
    <message>
        <source>Time to analyse as of (KST)</source>
        <translation>분석 기준 시각 (KST)</translation>
    </message>
    <message>
        <source>from the text&apos;s log lines</source>
        <translation>텍스트의 로그 줄에서 읽음</translation>
    </message>
</context>
<context>
    <name>paytriage::ApiCall</name>
    <message>
        <source>more than %1 records in one list call; query a shorter period</source>
        <translation>목록 조회 한 번에 레코드가 %1개를 넘었습니다. 더 짧은 기간으로 조회하세요</translation>
    </message>
    <message>
        <source>more than %1 MB in one list call; query a shorter period</source>
        <translation>목록 조회 한 번에 %1 MB를 넘었습니다. 더 짧은 기간으로 조회하세요</translation>
    </message>
    <message>
        <source>page %1 ends without a transactionKey to ask for the next page</source>
        <translation>%1쪽이 다음 쪽을 요청할 transactionKey 없이 끝납니다</translation>
    </message>
    <message>
        <source>the server ignored startingAfter: page %1 ends where page %2 did</source>
        <translation>서버가 startingAfter를 무시했습니다. %1쪽이 %2쪽과 같은 곳에서 끝납니다</translation>
    </message>
    <message>
        <source>the server ignored the page number: page %1 repeats page %2</source>
        <translation>서버가 쪽 번호를 무시했습니다. %1쪽이 %2쪽을 되풀이합니다</translation>
    </message>
    <message>
        <source>the answer was cut short: %1 of %2 bytes</source>
        <translation>응답이 중간에 끊겼습니다: %2바이트 중 %1바이트</translation>
    </message>
    <message>
        <source>HTTP %1, %2 bytes that are not JSON</source>
        <translation>HTTP %1, JSON이 아닌 %2바이트</translation>
    </message>
    <message>
        <source>Content-Type %1</source>
        <translation>Content-Type %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>expected a JSON array of records</source>
        <translation>레코드의 JSON 배열이어야 합니다</translation>
    </message>
</context>
<context>
    <name>paytriage::ApiError</name>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (%1번 시도 후)</translation>
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
        <source>The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; try again and check the base URL.</source>
        <translation>응답이 API가 보내는 JSON이 아닙니다(%1). 중간에 프록시나 인증 포털이 있을 수 있으니 다시 시도하고 기본 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>The %1 file %2 does not exist.</source>
        <translation>%1 파일이 없습니다: %2</translation>
    </message>
    <message>
        <source>The %1 file %2 is too large to be a PEM file.</source>
        <translation>%1 파일이 PEM 파일이라기엔 너무 큽니다: %2</translation>
    </message>
    <message>
        <source>Cannot read the %1 file %2: %3</source>
        <translation>%1 파일 %2을(를) 읽을 수 없습니다: %3</translation>
    </message>
    <message>
        <source>Apps-in-Toss calls need the mTLS client certificate and key issued in the Apps-in-Toss console; set both in the merchant profile.</source>
        <translation>앱인토스 API를 호출하려면 앱인토스 콘솔에서 발급한 mTLS 클라이언트 인증서와 키가 필요합니다. 상점 프로필에 둘 다 설정하세요.</translation>
    </message>
    <message>
        <source>Only the client key is set: set the client certificate too (both come from the Apps-in-Toss console).</source>
        <translation>클라이언트 키만 설정되어 있습니다. 클라이언트 인증서도 설정하세요(둘 다 앱인토스 콘솔에서 받습니다).</translation>
    </message>
    <message>
        <source>Only the client certificate is set: set its private key too (both come from the Apps-in-Toss console).</source>
        <translation>클라이언트 인증서만 설정되어 있습니다. 개인 키도 설정하세요(둘 다 앱인토스 콘솔에서 받습니다).</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----). A DER file can be converted with: openssl x509 -inform der -in FILE -out FILE.pem</source>
        <translation>%1에 PEM 인증서(-----BEGIN CERTIFICATE-----로 시작하는 블록)가 없습니다. DER 파일은 다음 명령으로 변환할 수 있습니다: openssl x509 -inform der -in FILE -out FILE.pem</translation>
    </message>
    <message>
        <source>The client certificate %1 expired on %2. Issue a new one in the Apps-in-Toss console.</source>
        <translation>클라이언트 인증서 %1이(가) %2에 만료되었습니다. 앱인토스 콘솔에서 새로 발급하세요.</translation>
    </message>
    <message>
        <source>The client certificate %1 is not valid before %2.</source>
        <translation>클라이언트 인증서 %1은(는) %2부터 유효합니다.</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>The client key %1 is protected by a passphrase, which PayTriage cannot ask for. Keep an unencrypted copy in a private place: openssl pkey -in KEY -out KEY-plain.pem</source>
        <translation>클라이언트 키 %1은(는) 암호로 보호되어 있는데, PayTriage는 암호를 물어볼 수 없습니다. 암호화하지 않은 사본을 안전한 곳에 두세요: openssl pkey -in KEY -out KEY-plain.pem</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (a block starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).</source>
        <translation>%1에 PEM 개인 키(-----BEGIN PRIVATE KEY----- 또는 -----BEGIN RSA PRIVATE KEY-----로 시작하는 블록)가 없습니다.</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 with %2, without a message.</source>
        <translation>제공자가 HTTP %1, %2로 답했습니다(메시지 없음).</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid address: write it like https://api.tosspayments.com (or a proxy&apos;s address, path included).</source>
        <translation>기본 URL &quot;%1&quot;은(는) 올바른 주소가 아닙니다. https://api.tosspayments.com처럼 쓰세요(프록시라면 경로까지 포함한 주소).</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; has a query or fragment (after ? or #): give the address only, like https://api.tosspayments.com.</source>
        <translation>기본 URL &quot;%1&quot;에 쿼리나 조각(? 또는 # 뒤)이 있습니다. https://api.tosspayments.com처럼 주소만 쓰세요.</translation>
    </message>
    <message>
        <source>No id to look up: give an orderId or a paymentKey.</source>
        <translation>조회할 id가 없습니다. orderId나 paymentKey를 입력하세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an orderId or paymentKey: those are letters, digits, - and _.</source>
        <translation>&quot;%1&quot;은(는) orderId나 paymentKey가 아닙니다. 이들은 영문, 숫자, -, _로 이루어집니다.</translation>
    </message>
    <message>
        <source>The id holds a control character: copy the orderId or paymentKey again.</source>
        <translation>id에 제어 문자가 들어 있습니다. orderId나 paymentKey를 다시 복사하세요.</translation>
    </message>
    <message>
        <source>[… %1 bytes received, the first %2 shown%3]</source>
        <translation>[… %1바이트를 받았고 처음 %2바이트만 표시%3]</translation>
    </message>
    <message>
        <source>; the rest was not read</source>
        <translation>; 나머지는 읽지 않음</translation>
    </message>
    <message>
        <source>The answer of %2 passed the size limit (%1) and was not read to the end: the merchant has more records in the days around this payment than one lookup reads, so this list was left out; the other sources are analysed without it.</source>
        <translation>%2의 응답이 크기 제한(%1)을 넘어 끝까지 읽지 않았습니다. 이 결제 전후 며칠 동안 상점의 기록이 한 번의 조회로 읽기에는 너무 많아 이 목록은 뺐고, 나머지 출처만으로 분석했습니다.</translation>
    </message>
    <message>
        <source>The answer of %2 is larger than the limit (%1), far larger than one object ever is, and was not read to the end. Something other than the API may be answering: its first bytes are in the raw pane; check the base URL of the profile.</source>
        <translation>%2의 응답이 제한(%1)보다 커서 끝까지 읽지 않았습니다. 객체 하나로는 있을 수 없는 크기이므로 API가 아닌 다른 무언가가 응답하고 있을 수 있습니다. 받은 앞부분은 원문 창에 있습니다. 프로필의 기본 URL을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>paytriage::BatchModel</name>
    <message>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>looking up…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <source>no payment</source>
        <translation>결제 없음</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>발견 사항 없음</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (외 %n건)</numerusform>
        </translation>
    </message>
    <message>
        <source>Id</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>결제수단</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>가장 심각한 발견 사항</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
</context>
<context>
    <name>paytriage::BatchView</name>
    <message>
        <source>Ids to look up</source>
        <translation>조회할 아이디</translation>
    </message>
    <message>
        <source>Paste the ids: one per line, or a CSV with an orderId or paymentKey column (from a spreadsheet or an export)</source>
        <translation>아이디를 붙여 넣으세요: 한 줄에 하나, 또는 orderId나 paymentKey 열이 있는 CSV(스프레드시트나 내보내기 파일)</translation>
    </message>
    <message>
        <source>C&amp;olumn</source>
        <translation>열(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;At once</source>
        <translation>동시 조회(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Transactions and settlements too (slower)</source>
        <translation>거래 내역과 정산도 포함(&amp;T, 더 느림)</translation>
    </message>
    <message>
        <source>Open a list…</source>
        <translation>목록 열기…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>실패한 것 다시</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Batch results</source>
        <translation>일괄 조회 결과</translation>
    </message>
    <message>
        <source>Open a list of ids</source>
        <translation>아이디 목록 열기</translation>
    </message>
    <message>
        <source>Ids and CSV (*.csv *.txt);;All files (*)</source>
        <translation>아이디와 CSV (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>No ids to look up: paste them one per line, or a CSV with an orderId or paymentKey column.</source>
        <translation>조회할 아이디가 없습니다: 한 줄에 하나씩, 또는 orderId나 paymentKey 열이 있는 CSV를 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Paste ids or open a list, then Run (Ctrl+Enter).</source>
        <translation>아이디를 붙여 넣거나 목록을 연 뒤 실행하세요(Ctrl+Enter).</translation>
    </message>
    <message numerus="yes">
        <source>%n id(s) to look up</source>
        <translation>
            <numerusform>조회할 아이디 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated, looked up once</source>
        <translation>
            <numerusform>%n개 중복, 한 번만 조회</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 with findings at warning or above · %4 failed · %5 running</source>
        <translation>%2개 중 %1개 완료 · 경고 이상 발견 사항 %3개 · 실패 %4개 · 진행 중 %5개</translation>
    </message>
    <message>
        <source>Look every id up with the merchant chosen in the lookup bar (Ctrl+Enter)</source>
        <translation>조회 막대에서 고른 상점으로 모든 아이디를 조회합니다(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Look the failed and stopped ids up again</source>
        <translation>실패하거나 중지된 아이디를 다시 조회합니다</translation>
    </message>
    <message>
        <source>Stop the lookups in flight and those waiting; what arrived stays</source>
        <translation>진행 중인 조회와 대기 중인 조회를 멈춥니다. 받은 것은 남습니다</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>보고서 내보내기…</translation>
    </message>
    <message>
        <source>Export the batch as a report</source>
        <translation>일괄 조회를 보고서로 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>%1에 보고서를 썼습니다</translation>
    </message>
    <message>
        <source>&amp;Per second</source>
        <translation>초당(&amp;P)</translation>
    </message>
    <message>
        <source>Lookups started a second at most</source>
        <translation>초당 시작하는 조회 수의 최대</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
</context>
<context>
    <name>paytriage::Bundle</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 holds no manifest.json: it is not a PayTriage case bundle.</source>
        <translation>%1에는 manifest.json이 없습니다: PayTriage 케이스 묶음이 아닙니다.</translation>
    </message>
    <message>
        <source>The manifest.json of %1 is not a PayTriage case bundle&apos;s.</source>
        <translation>%1의 manifest.json은 PayTriage 케이스 묶음의 것이 아닙니다.</translation>
    </message>
    <message>
        <source>The manifest names a file outside the bundle: %1</source>
        <translation>manifest가 묶음 밖의 파일을 가리킵니다: %1</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 was changed since the bundle was made: its SHA-256 is not the manifest&apos;s.</source>
        <translation>%1은(는) 묶음을 만든 뒤 바뀌었습니다: SHA-256이 manifest와 다릅니다.</translation>
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
    <message>
        <source>HTTP %1, but the answer is not a payment object</source>
        <translation>HTTP %1이지만 응답이 결제 객체가 아닙니다</translation>
    </message>
    <message>
        <source>HTTP %1, but the answer is not an in-app order status</source>
        <translation>HTTP %1이지만 응답이 인앱결제 주문 상태가 아닙니다</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseInput</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Transaction and settlement dumps of any size are analysed record by record when the file is one JSON array; otherwise split the file.</source>
        <translation>%1의 크기가 %2MB라 한 문서로 분석하기에는 너무 큽니다(한도 %3MB). 거래·정산 내역 덤프는 파일이 JSON 배열 하나이면 크기와 관계없이 레코드 단위로 분석합니다. 그렇지 않다면 파일을 나누어 주세요.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseReport</name>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>결제수단</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>총 금액</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Order name</source>
        <translation>주문명</translation>
    </message>
    <message>
        <source>Snapshot #%1 of the evidence history</source>
        <translation>증거 기록의 스냅숏 #%1</translation>
    </message>
    <message>
        <source>Merchant profile: %1</source>
        <translation>상점 프로필: %1</translation>
    </message>
    <message>
        <source>MID: %1</source>
        <translation>MID: %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>키: %1</translation>
    </message>
    <message>
        <source>Captured: %1 (%2 UTC)</source>
        <translation>남긴 시각: %1 (%2 UTC)</translation>
    </message>
    <message>
        <source>Analysed as of: %1</source>
        <translation>분석 기준 시각: %1</translation>
    </message>
    <message>
        <source>Report made: %1</source>
        <translation>보고서 작성: %1</translation>
    </message>
    <message>
        <source>Masked in this report: %1. Secret keys and credentials are never included.</source>
        <translation>이 보고서에서 가린 것: %1. 시크릿 키와 인증 정보는 절대 담지 않습니다.</translation>
    </message>
    <message>
        <source>Unmasked report, chosen explicitly: personal data is shown as received. Secret keys and credentials are never included.</source>
        <translation>직접 선택한 가리지 않은 보고서: 개인정보를 받은 그대로 보여 줍니다. 시크릿 키와 인증 정보는 절대 담지 않습니다.</translation>
    </message>
    <message>
        <source>PayTriage case report: %1</source>
        <translation>PayTriage 케이스 보고서: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>발견 사항이 없습니다.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>Timeline (KST)</source>
        <translation>타임라인 (KST)</translation>
    </message>
    <message>
        <source>Appendix: the answers as kept</source>
        <translation>부록: 남긴 그대로의 응답</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>받은 시각: %1</translation>
    </message>
    <message>
        <source>%1 values masked</source>
        <translation>값 %1개 가림</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>%1의 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1을(를) 쓸 수 없었습니다.</translation>
    </message>
    <message>
        <source>Name the report .md, .html or .pdf: %1 is none of them.</source>
        <translation>보고서 이름을 .md, .html 또는 .pdf로 끝내세요: %1은(는) 어느 것도 아닙니다.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1을(를) 쓸 수 없었습니다: %2</translation>
    </message>
    <message>
        <source>Kept by PayTriage %1 (its catalog not recorded)</source>
        <translation>보관: PayTriage %1 (당시 카탈로그는 기록되지 않음)</translation>
    </message>
    <message>
        <source>Kept by PayTriage %1, judged then by catalog %2</source>
        <translation>보관: PayTriage %1, 당시 판정한 카탈로그 %2</translation>
    </message>
    <message>
        <source>Findings below judged by PayTriage %1, catalog %2</source>
        <translation>아래 발견 사항 판정: PayTriage %1, 카탈로그 %2</translation>
    </message>
    <message>
        <source>Nothing was checked: no answer could be read as JSON. Read the answers in the appendix: an error page from a gateway or proxy, or an answer cut short, is not the API&apos;s answer; look the payment up again.</source>
        <translation>아무것도 검사하지 못했습니다. JSON으로 읽을 수 있는 응답이 없습니다. 부록의 응답을 읽어 보세요. 게이트웨이나 프록시의 오류 페이지, 중간에 끊긴 응답은 API의 응답이 아닙니다. 결제를 다시 조회하세요.</translation>
    </message>
    <message>
        <source>No payment was recognised in the answers.</source>
        <translation>응답에서 알아본 결제가 없습니다.</translation>
    </message>
    <message>
        <source>No dated events.</source>
        <translation>시각이 있는 이벤트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseSession</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>The in-app order status is read for one Toss user: enter their user key (x-toss-user-key) beside the order ID.</source>
        <translation>인앱 주문 상태는 토스 사용자 한 명 기준으로 조회합니다. 주문번호 옆에 그 사용자의 키(x-toss-user-key)를 입력하세요.</translation>
    </message>
    <message>
        <source>Analysis canceled. Press F5 to run it again.</source>
        <translation>분석을 취소했습니다. 다시 하려면 F5를 누르세요.</translation>
    </message>
    <message>
        <source>No body of snapshot #%1 could be read as JSON: see it with paytriage-cli history show %1.</source>
        <translation>스냅숏 #%1의 본문을 하나도 JSON으로 읽을 수 없습니다: paytriage-cli history show %1로 확인하세요.</translation>
    </message>
    <message>
        <source>The answers could not be analysed (%1). The raw answers are shown as they came.</source>
        <translation>응답을 분석하지 못했습니다(%1). 받은 응답은 그대로 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseSummary</name>
    <message>
        <source>Findings (%1 critical, %2 warning, %3 info):</source>
        <translation>발견 사항 (심각 %1, 경고 %2, 정보 %3):</translation>
    </message>
    <message>
        <source>Masked: %1.</source>
        <translation>가림 처리: %1.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>할 일:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>total</source>
        <translation>총액</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>출처:</translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation>발견 사항: 없음</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseView</name>
    <message>
        <source>Analysing…</source>
        <translation>분석 중…</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <source>Looking up… %1 of %2 sources</source>
        <translation>조회 중… 출처 %2곳 중 %1곳 완료</translation>
    </message>
    <message>
        <source>%1 of %2 sources arrived</source>
        <translation>출처 %2곳 중 %1곳 도착</translation>
    </message>
    <message>
        <source>Lookup failed</source>
        <translation>조회 실패</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>읽지 못함</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1 critical · %2 warning · %3 info</source>
        <translation>심각 %1 · 경고 %2 · 정보 %3</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>발견 사항 없음</translation>
    </message>
    <message>
        <source>No findings in what arrived</source>
        <translation>도착한 응답에는 발견 사항 없음</translation>
    </message>
    <message>
        <source>Analysed %1</source>
        <translation>%1 분석</translation>
    </message>
    <message>
        <source>MID %1</source>
        <translation>MID %1</translation>
    </message>
    <message>
        <source>TEST key</source>
        <translation>테스트 키</translation>
    </message>
    <message>
        <source>LIVE key</source>
        <translation>라이브 키</translation>
    </message>
    <message>
        <source>looked up %1</source>
        <translation>%1 조회</translation>
    </message>
    <message>
        <source>Double-click to show this pane alone, again to show all (Ctrl+Shift+M)</source>
        <translation>두 번 누르면 이 창만 보이고, 다시 누르면 모두 보입니다 (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Show this pane alone</source>
        <translation>이 창만 보기</translation>
    </message>
    <message>
        <source>Analysed %1, as of %2 (when it was captured)</source>
        <translation>%1 분석, 기준 시각 %2 (증거를 남긴 시각)</translation>
    </message>
    <message>
        <source>Snapshot #%1 of the history</source>
        <translation>증거 기록의 스냅숏 #%1</translation>
    </message>
    <message>
        <source>pasted %1</source>
        <translation>%1에 붙여 넣음</translation>
    </message>
    <message>
        <source>read from a file %1</source>
        <translation>%1에 파일에서 읽음</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>%1 기준</translation>
    </message>
    <message>
        <source>judged by today&apos;s catalog %1, not %2 as when kept</source>
        <translation>보관할 때의 카탈로그 %2가 아닌 오늘의 카탈로그 %1로 판정</translation>
    </message>
</context>
<context>
    <name>paytriage::ComparePane</name>
    <message>
        <source>Pasted and live now</source>
        <translation>붙여 넣은 응답과 지금의 실제 응답</translation>
    </message>
    <message>
        <source>Open the live case</source>
        <translation>실제 조회 사례 열기</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Pasted</source>
        <translation>붙여 넣은 값</translation>
    </message>
    <message>
        <source>Live now</source>
        <translation>지금 실제 값</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>바뀐 점</translation>
    </message>
    <message>
        <source>The live case was closed: look it up live again to compare.</source>
        <translation>실제 조회 사례가 닫혔습니다. 비교하려면 다시 실제 조회하세요.</translation>
    </message>
    <message>
        <source>The live lookup failed: %1</source>
        <translation>실제 조회에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>Nothing changed since the paste (%1).</source>
        <translation>붙여 넣은 뒤로 바뀐 것이 없습니다(%1).</translation>
    </message>
    <message>
        <source>What the provider says now (%1), against the pasted answer.</source>
        <translation>제공사가 지금 알려 주는 내용(%1)을 붙여 넣은 응답과 견주었습니다.</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>바뀜</translation>
    </message>
    <message>
        <source>filled (was null)</source>
        <translation>채워짐(전에는 null)</translation>
    </message>
    <message>
        <source>now null</source>
        <translation>이제 null</translation>
    </message>
    <message>
        <source>not in the paste</source>
        <translation>붙여 넣은 텍스트에 없음</translation>
    </message>
    <message>
        <source>no longer sent</source>
        <translation>이제 보내지 않음</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <source>Settlement rows</source>
        <translation>정산 행</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>해소됨</translation>
    </message>
    <message>
        <source>new</source>
        <translation>새로 생김</translation>
    </message>
    <message>
        <source>#%1, %2</source>
        <translation>#%1, %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Open #%1</source>
        <translation>#%1 열기</translation>
    </message>
    <message>
        <source>Nothing changed from %1 to %2.</source>
        <translation>%1 → %2: 바뀐 것이 없습니다.</translation>
    </message>
    <message>
        <source>What changed from %1 to %2.</source>
        <translation>%1 → %2: 바뀐 것입니다.</translation>
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
    <message>
        <source>Something was left out at line %1, column %2 (“%3”): this document is partial, so the keys it lacks are unknown, not null. Look the payment up to see all of it.</source>
        <translation>%1행 %2열에서 일부가 생략되었습니다(“%3”). 이 문서는 부분 문서이므로 빠진 키는 null이 아니라 알 수 없는 값으로 봅니다. 전체를 보려면 결제를 조회하세요.</translation>
    </message>
    <message>
        <source>A Java or Kotlin toString() form at line %1, column %2 was read as JSON. It has no quotes, so numbers and words were told apart by how they look: %3</source>
        <translation>%1행 %2열의 Java·Kotlin toString() 형식을 JSON으로 읽었습니다. 따옴표가 없어 숫자와 문자열은 모양으로 구분했습니다: %3</translation>
    </message>
    <message>
        <source>JSON behind line comments (// or #) starting at line %1, column %2 was read: %3</source>
        <translation>%1행 %2열부터 줄 주석(// 또는 #) 뒤에 있는 JSON을 읽었습니다: %3</translation>
    </message>
    <message>
        <source>JSON inside a quoted, escaped string at line %1, column %2 was unescaped and read: %3</source>
        <translation>%1행 %2열의 따옴표 안에 이스케이프된 JSON을 풀어서 읽었습니다: %3</translation>
    </message>
    <message>
        <source>strict JSON (a file over 32 MB is read as strict JSON, without the repairs made to pasted text: unquoted keys, single quotes, comments, prose and several documents work only in smaller files)</source>
        <translation>엄격한 JSON(32 MB가 넘는 파일은 붙여넣은 텍스트에 하는 고침 없이 엄격한 JSON으로 읽습니다. 따옴표 없는 키, 작은따옴표, 주석, 설명 글, 여러 문서는 더 작은 파일에서만 됩니다)</translation>
    </message>
    <message>
        <source>byte order mark</source>
        <translation>바이트 순서 표시(BOM)</translation>
    </message>
    <message>
        <source>text around the JSON</source>
        <translation>JSON 앞뒤의 텍스트</translation>
    </message>
    <message>
        <source>unquoted keys</source>
        <translation>따옴표 없는 키</translation>
    </message>
    <message>
        <source>single-quoted strings</source>
        <translation>작은따옴표 문자열</translation>
    </message>
    <message>
        <source>curly quotes</source>
        <translation>둥근 따옴표</translation>
    </message>
    <message>
        <source>trailing commas</source>
        <translation>끝에 남은 쉼표</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>주석</translation>
    </message>
    <message>
        <source>several documents</source>
        <translation>여러 문서</translation>
    </message>
    <message>
        <source>undefined or NaN read as null</source>
        <translation>null로 읽은 undefined·NaN</translation>
    </message>
    <message>
        <source>numbers beyond 64 bits rounded</source>
        <translation>반올림한 64비트 초과 숫자</translation>
    </message>
    <message>
        <source>missing commas</source>
        <translation>빠진 쉼표</translation>
    </message>
    <message>
        <source>text cut short, closed</source>
        <translation>중간에 끊겨 닫은 텍스트</translation>
    </message>
    <message>
        <source>members left out (…)</source>
        <translation>생략된 항목(…)</translation>
    </message>
    <message>
        <source>toString() forms</source>
        <translation>toString() 형식</translation>
    </message>
    <message>
        <source>commented-out JSON</source>
        <translation>주석 처리된 JSON</translation>
    </message>
    <message>
        <source>escaped JSON in a string</source>
        <translation>문자열 안에 이스케이프된 JSON</translation>
    </message>
</context>
<context>
    <name>paytriage::ErrorCodeDialog</name>
    <message>
        <source>Error-code reference</source>
        <translation>오류 코드 사전</translation>
    </message>
    <message>
        <source>Search codes and explanations, in Korean or English</source>
        <translation>코드와 설명을 한국어나 영어로 검색</translation>
    </message>
    <message>
        <source>Search error codes</source>
        <translation>오류 코드 검색</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>오류 코드</translation>
    </message>
    <message>
        <source>Error code explanation</source>
        <translation>오류 코드 설명</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>코드 %n개</numerusform>
        </translation>
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
        <translation>조치할 쪽</translation>
    </message>
    <message>
        <source>Usual HTTP status</source>
        <translation>보통의 HTTP 상태</translation>
    </message>
    <message>
        <source>No code matches &quot;%1&quot;. Try a part of the code (NOT_FOUND), a word of the provider&apos;s message, or the Korean wording; codes are an open set, and one the catalog lacks can be added to its override file.</source>
        <translation>&quot;%1&quot;에 맞는 코드가 없습니다. 코드의 일부(NOT_FOUND), 제공자 메시지의 단어, 한국어 표현으로 찾아보세요. 오류 코드는 계속 늘어날 수 있으니, 카탈로그에 없는 코드는 덮어쓰기 파일에 추가할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::ErrorCodeModel</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>추정 원인: %1</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>확인할 점: %1</translation>
    </message>
    <message>
        <source>Not confirmed: the sources disagree or are silent.</source>
        <translation>미확인: 자료마다 내용이 다르거나 근거가 없습니다.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>조치 주체</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
</context>
<context>
    <name>paytriage::ExplanationPane</name>
    <message>
        <source>Finding explanation</source>
        <translation>발견 사항 설명</translation>
    </message>
    <message>
        <source>Select a finding to see what it means and what to do.</source>
        <translation>발견 사항을 고르면 의미와 할 일이 여기에 나옵니다.</translation>
    </message>
    <message>
        <source>No findings: nothing in these documents looks wrong to the rules.</source>
        <translation>발견 사항 없음: 규칙이 보기에 이상한 곳이 없습니다.</translation>
    </message>
    <message>
        <source>No findings in what arrived. Not everything did (%1), so the rules that weigh the missing answers did not run.</source>
        <translation>도착한 응답에는 발견 사항이 없습니다. 다 도착하지는 않아(%1) 빠진 응답을 따지는 규칙은 실행되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 Findings appear as the answers arrive.</source>
        <translation>%1 발견 사항은 응답이 도착하는 대로 나타납니다.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>할 일:</translation>
    </message>
    <message>
        <source>Open %1 in the error-code reference</source>
        <translation>오류 코드 사전에서 %1 열기</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n회</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paytriage::FieldsPane</name>
    <message>
        <source>Fields</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>해석한 필드</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation>JSON 포인터</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>값 복사</translation>
    </message>
    <message>
        <source>Copy JSON pointer</source>
        <translation>JSON 포인터 복사</translation>
    </message>
</context>
<context>
    <name>paytriage::FindingsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2건)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>건수</translation>
    </message>
</context>
<context>
    <name>paytriage::FindingsPane</name>
    <message>
        <source>Findings</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Minimum severity shown</source>
        <translation>표시할 최소 심각도</translation>
    </message>
    <message>
        <source>Group by rule</source>
        <translation>규칙별로 묶기</translation>
    </message>
    <message>
        <source>Filter findings</source>
        <translation>발견 사항 필터</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>텍스트로 복사</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>모든 심각도</translation>
    </message>
    <message>
        <source>Warning and critical</source>
        <translation>경고 이상</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>심각만</translation>
    </message>
</context>
<context>
    <name>paytriage::HistoryModel</name>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (외 %n건)</numerusform>
        </translation>
    </message>
    <message>
        <source>lookup</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>붙여 넣기</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>%1, pinned</source>
        <translation>%1, 고정됨</translation>
    </message>
    <message>
        <source>orderId %1</source>
        <translation>orderId %1</translation>
    </message>
    <message>
        <source>paymentKey %1</source>
        <translation>paymentKey %1</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>발견 사항 없음</translation>
    </message>
    <message>
        <source>%1 (MID %2)</source>
        <translation>%1 (MID %2)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>가장 심각한 발견 사항</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>상점</translation>
    </message>
    <message>
        <source>When (KST)</source>
        <translation>시각(KST)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>스냅숏</translation>
    </message>
</context>
<context>
    <name>paytriage::HistoryView</name>
    <message>
        <source>orderId or paymentKey</source>
        <translation>orderId 또는 paymentKey</translation>
    </message>
    <message>
        <source>Payment to find</source>
        <translation>찾을 결제</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>상점</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>Worst finding at least</source>
        <translation>가장 심각한 발견 사항의 최소 심각도</translation>
    </message>
    <message>
        <source>When</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Snapshots of the evidence history</source>
        <translation>증거 기록의 스냅숏</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>이전 것 더 보기</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Snapshots #%1 and #%2 are not of one payment: choose two snapshots of the same payment.</source>
        <translation>스냅숏 #%1과 #%2는 같은 결제의 것이 아닙니다: 같은 결제의 스냅숏 두 개를 고르세요.</translation>
    </message>
    <message>
        <source>#%1 is the first snapshot of its payment: there is none before it to compare with.</source>
        <translation>#%1은(는) 이 결제의 첫 스냅숏입니다: 비교할 이전 스냅숏이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n snapshot(s)</source>
        <translation>
            <numerusform>스냅숏 %n개를 복사했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>증거 기록을 읽는 중…</translation>
    </message>
    <message>
        <source>No snapshot matches.</source>
        <translation>맞는 스냅숏이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) shown</source>
        <translation>
            <numerusform>스냅숏 %n개 표시</numerusform>
        </translation>
    </message>
    <message>
        <source>older ones follow</source>
        <translation>이전 것이 더 있습니다</translation>
    </message>
    <message>
        <source>history: %1</source>
        <translation>증거 기록: %1</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>Any merchant</source>
        <translation>모든 상점</translation>
    </message>
    <message>
        <source>Any finding</source>
        <translation>모든 발견 사항</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>모든 심각도</translation>
    </message>
    <message>
        <source>Info or worse</source>
        <translation>정보 이상</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>경고 이상</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>심각만</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Open as a case</source>
        <translation>케이스로 열기</translation>
    </message>
    <message>
        <source>Compare with the snapshot before it, or the two selected</source>
        <translation>이전 스냅숏과, 또는 선택한 두 개를 비교</translation>
    </message>
    <message>
        <source>Pin or unpin (kept when older snapshots are pruned)</source>
        <translation>고정 또는 해제(오래된 스냅숏을 정리할 때도 남김)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Two snapshots of one payment: what changed between them (Ctrl+D). One: what changed since the snapshot of that payment before it.</source>
        <translation>한 결제의 스냅숏 두 개: 그 사이에 바뀐 것(Ctrl+D). 하나: 그 결제의 이전 스냅숏 이후 바뀐 것.</translation>
    </message>
    <message>
        <source>A pinned snapshot is kept when the history prunes older ones (Ctrl+P).</source>
        <translation>고정한 스냅숏은 증거 기록이 오래된 것을 정리할 때도 남습니다(Ctrl+P).</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonEditor</name>
    <message>
        <source>Line numbers and marks</source>
        <translation>줄 번호와 표시</translation>
    </message>
    <message>
        <source>Hover a mark to read what it flags.</source>
        <translation>표시 위에 마우스를 올리면 내용을 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonFindBar</name>
    <message>
        <source>No match in the part shown</source>
        <translation>표시된 부분에 일치 항목 없음</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>일치 항목 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n건 일치</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation>%2건 이상 중 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2건 중 %1</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>일치 항목</translation>
    </message>
    <message>
        <source>Find in raw JSON</source>
        <translation>원본 JSON에서 찾기</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>이전 항목 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>이전 항목</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>다음 항목 (Enter)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>다음 항목</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <source>Close find bar (Esc)</source>
        <translation>찾기 닫기 (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>찾기 닫기</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>찾기 표시줄</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonTextView</name>
    <message>
        <source>null value</source>
        <translation>null 값</translation>
    </message>
    <message>
        <source>Critical finding</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Repaired by the decoder</source>
        <translation>디코더가 자동으로 보정한 부분</translation>
    </message>
    <message>
        <source>The text cannot be decoded here</source>
        <translation>이 위치부터 JSON으로 해석할 수 없습니다</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>전체 %2 중 앞부분 %1만 표시합니다.</translation>
    </message>
    <message>
        <source>The selected field is past the first %1 shown (of %2). Show all to see it.</source>
        <translation>선택한 필드는 표시된 앞부분 %1(전체 %2) 뒤에 있습니다. 모두 표시하면 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Loading the rest: %1 of %2…</source>
        <translation>나머지 불러오는 중: %2 중 %1…</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>값 복사(&amp;V)</translation>
    </message>
    <message>
        <source>Copy JSON &amp;Pointer</source>
        <translation>JSON 포인터 복사(&amp;P)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>찾기…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>다음 찾기</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>이전 찾기</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>모두 표시</translation>
    </message>
    <message>
        <source>Show the whole text</source>
        <translation>전체 텍스트 표시</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>원본 JSON</translation>
    </message>
    <message>
        <source>The response or pasted text as received. Moving the cursor selects the value in the other panes.</source>
        <translation>받은 그대로의 응답 또는 붙여 넣은 텍스트입니다. 커서를 옮기면 다른 창에서도 해당 값이 선택됩니다.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Not available for texts over %1.</source>
        <translation>%1를 넘는 텍스트에서는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Not available: this text was not read as JSON, so nothing would link its indented form to the other panes.</source>
        <translation>쓸 수 없음: 이 텍스트는 JSON으로 읽히지 않아, 들여쓴 형태를 다른 창과 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>Not available: the documents could not be indented with their link to the other panes kept.</source>
        <translation>쓸 수 없음: 다른 창과의 연결을 유지한 채 문서를 들여쓸 수 없었습니다.</translation>
    </message>
    <message>
        <source>Show the documents indented; toggle again for the text exactly as received.</source>
        <translation>문서를 들여써서 보여 줍니다. 다시 누르면 받은 그대로의 텍스트로 돌아갑니다.</translation>
    </message>
    <message>
        <source>The documents of the response or pasted text, indented. Moving the cursor selects the value in the other panes.</source>
        <translation>응답이나 붙여 넣은 텍스트의 문서를 들여쓴 형태입니다. 커서를 옮기면 다른 창에서 그 값이 선택됩니다.</translation>
    </message>
    <message>
        <source>Formatting…</source>
        <translation>정리하는 중…</translation>
    </message>
    <message>
        <source>Formatted view: the documents as read, written as strict JSON; %1 shows the text as received, with its exact bytes.</source>
        <translation>정리된 보기: 읽어 낸 문서를 엄격한 JSON으로 적었습니다. %1을 누르면 받은 그대로의 바이트로 된 텍스트를 봅니다.</translation>
    </message>
    <message>
        <source>Formatted view: indentation added; %1 shows the text as received.</source>
        <translation>정리된 보기: 들여쓰기만 더했습니다. %1을 누르면 받은 그대로의 텍스트를 봅니다.</translation>
    </message>
    <message>
        <source>The documents could not be indented with their link to the other panes kept; the text is shown as received.</source>
        <translation>다른 창과의 연결을 유지한 채 문서를 들여쓸 수 없어, 받은 그대로의 텍스트를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>JSON 정리</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonTreeModel</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1 %2 — %3</source>
        <translation>#%1 %2 — %3</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>API version %1</source>
        <translation>API 버전 %1</translation>
    </message>
    <message>
        <source>object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>불리언</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>타입</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>항목명</translation>
    </message>
    <message>
        <source>null — unexpected here: a finding points at it</source>
        <translation>null — 여기서는 예상되지 않음: 발견 사항이 이 값을 가리킵니다</translation>
    </message>
    <message>
        <source>null — unexpected for status %1: a finding points at it</source>
        <translation>null — 상태 %1에서는 예상되지 않음: 발견 사항이 이 값을 가리킵니다</translation>
    </message>
    <message>
        <source>null — expected for status %1</source>
        <translation>null — 상태 %1에서 예상되는 값</translation>
    </message>
</context>
<context>
    <name>paytriage::KeychainSecretStore</name>
    <message>
        <source>No keychain service is available (%1). Secret keys are kept only until PayTriage quits; enter them again next time.</source>
        <translation>사용할 수 있는 키체인 서비스가 없습니다(%1). 시크릿 키는 PayTriage를 종료할 때까지만 보관되므로 다음 실행 때 다시 입력해야 합니다.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>The keychain refused to give the secret key of &quot;%1&quot;: %2</source>
        <translation>키체인이 &quot;%1&quot;의 시크릿 키를 내주지 않았습니다: %2</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret key of &quot;%1&quot;: %2</source>
        <translation>키체인이 &quot;%1&quot;의 시크릿 키 저장을 거부했습니다: %2</translation>
    </message>
    <message>
        <source>The keychain refused to delete the secret key of &quot;%1&quot;: %2</source>
        <translation>키체인이 &quot;%1&quot;의 시크릿 키 삭제를 거부했습니다: %2</translation>
    </message>
</context>
<context>
    <name>paytriage::LookupBar</name>
    <message>
        <source>&amp;Merchant</source>
        <translation>상점(&amp;M)</translation>
    </message>
    <message>
        <source>Merchant profile</source>
        <translation>상점 프로필</translation>
    </message>
    <message>
        <source>Key mode</source>
        <translation>키 종류</translation>
    </message>
    <message>
        <source>Order ID or payment key</source>
        <translation>주문번호 또는 결제 키</translation>
    </message>
    <message>
        <source>What the ID is</source>
        <translation>ID 종류</translation>
    </message>
    <message>
        <source>Detected from the ID&apos;s shape; choose to override</source>
        <translation>ID 모양으로 추정합니다. 직접 고를 수도 있습니다</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>orderId or paymentKey — Ctrl+L</source>
        <translation>orderId 또는 paymentKey — Ctrl+L</translation>
    </message>
    <message>
        <source>orderId</source>
        <translation>orderId</translation>
    </message>
    <message>
        <source>paymentKey</source>
        <translation>paymentKey</translation>
    </message>
    <message>
        <source>In-app orderId</source>
        <translation>인앱 orderId</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Auto: %1</source>
        <translation>자동: %1</translation>
    </message>
    <message>
        <source>No merchant profile yet: add one in Settings, or start the demo.</source>
        <translation>상점 프로필이 없습니다. 설정에서 추가하거나 데모를 시작하세요.</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>라이브</translation>
    </message>
    <message>
        <source>NO KEY</source>
        <translation>키 없음</translation>
    </message>
    <message>
        <source>A live key: lookups read real payments (read-only).</source>
        <translation>라이브 키: 실제 결제를 조회합니다(읽기 전용).</translation>
    </message>
    <message>
        <source>A test key: lookups read test payments.</source>
        <translation>테스트 키: 테스트 결제를 조회합니다.</translation>
    </message>
    <message>
        <source>This profile has no secret key stored.</source>
        <translation>이 프로필에는 저장된 시크릿 키가 없습니다.</translation>
    </message>
    <message>
        <source>Toss user key (x-toss-user-key)</source>
        <translation>토스 사용자 키 (x-toss-user-key)</translation>
    </message>
    <message>
        <source>Toss user key</source>
        <translation>토스 사용자 키</translation>
    </message>
    <message>
        <source>The Apps-in-Toss order status is read for one Toss user: their user key</source>
        <translation>앱인토스 주문 상태는 토스 사용자 한 명 기준으로 조회합니다: 그 사용자의 키</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>유지</translation>
    </message>
    <message>
        <source>Keep the kind</source>
        <translation>종류 유지</translation>
    </message>
    <message>
        <source>Keep this kind for the next lookups; otherwise it returns to Auto after each one</source>
        <translation>다음 조회에도 이 종류를 씁니다. 켜지 않으면 조회할 때마다 자동으로 돌아갑니다</translation>
    </message>
    <message numerus="yes">
        <source>%n ids were pasted: look up which?</source>
        <translation>
            <numerusform>id %n개를 붙여 넣었습니다. 어느 것을 조회할까요?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Look up all %n (a tab each)</source>
        <translation>
            <numerusform>%n개 모두 조회 (각각 탭으로)</numerusform>
        </translation>
    </message>
    <message>
        <source>No orderId or paymentKey in &quot;%1&quot;: ids are 6 or more letters, digits, - and _.</source>
        <translation>&quot;%1&quot;에 orderId나 paymentKey가 없습니다. id는 영문, 숫자, -, _로 된 6자 이상입니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::MainWindow</name>
    <message>
        <source>PayTriage</source>
        <translation>PayTriage</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>케이스</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Look up…</source>
        <translation>조회(&amp;L)…</translation>
    </message>
    <message>
        <source>Focus the lookup field</source>
        <translation>조회 입력란으로 이동</translation>
    </message>
    <message>
        <source>Analyse &amp;text…</source>
        <translation>텍스트 분석(&amp;T)…</translation>
    </message>
    <message>
        <source>Type or paste text to analyse</source>
        <translation>분석할 텍스트를 입력하거나 붙여 넣기</translation>
    </message>
    <message>
        <source>Analyse &amp;clipboard</source>
        <translation>클립보드 분석(&amp;C)</translation>
    </message>
    <message>
        <source>Analyse the text on the clipboard</source>
        <translation>클립보드의 텍스트를 분석</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Analyse a JSON file</source>
        <translation>JSON 파일 분석</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Fetch or analyse the current case again</source>
        <translation>현재 케이스를 다시 조회하거나 분석</translation>
    </message>
    <message>
        <source>Clo&amp;se case</source>
        <translation>케이스 닫기(&amp;S)</translation>
    </message>
    <message>
        <source>Close the current case</source>
        <translation>현재 케이스 닫기</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find in raw JSON…</source>
        <translation>원본 JSON에서 찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Error-code reference</source>
        <translation>오류 코드 사전(&amp;E)</translation>
    </message>
    <message>
        <source>Search what Toss error codes mean and who acts</source>
        <translation>토스 오류 코드의 의미와 조치할 쪽 찾기</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>시작 페이지(&amp;W)</translation>
    </message>
    <message>
        <source>Start &amp;demo sandbox</source>
        <translation>데모 샌드박스 시작(&amp;D)</translation>
    </message>
    <message>
        <source>Start a local Toss API sandbox with the seed scenarios</source>
        <translation>시드 시나리오가 든 로컬 토스 API 샌드박스 시작</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Merchant profiles, language, rule severities</source>
        <translation>상점 프로필, 언어, 규칙 심각도</translation>
    </message>
    <message>
        <source>&amp;About PayTriage</source>
        <translation>PayTriage 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>Worst finding of the current case</source>
        <translation>현재 케이스의 가장 심각한 발견 사항</translation>
    </message>
    <message>
        <source>Analyse a file</source>
        <translation>파일 분석</translation>
    </message>
    <message>
        <source>JSON and text (*.json *.txt *.log);;All files (*)</source>
        <translation>JSON과 텍스트 (*.json *.txt *.log);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>No keychain available: secret keys are kept for this session only. %1</source>
        <translation>키체인을 쓸 수 없어 시크릿 키를 이번 세션에만 보관합니다. %1</translation>
    </message>
    <message>
        <source>The demo sandbox could not start: %1</source>
        <translation>데모 샌드박스를 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation>데모 샌드박스</translation>
    </message>
    <message>
        <source>Demo sandbox: %1</source>
        <translation>데모 샌드박스: %1</translation>
    </message>
    <message>
        <source>Could not read the secret key of %1: %2</source>
        <translation>%1의 시크릿 키를 읽지 못했습니다: %2</translation>
    </message>
    <message>
        <source>The clipboard holds no text to analyse.</source>
        <translation>클립보드에 분석할 텍스트가 없습니다.</translation>
    </message>
    <message>
        <source>Clipboard %1</source>
        <translation>클립보드 %1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>텍스트 %1</translation>
    </message>
    <message>
        <source>About PayTriage</source>
        <translation>PayTriage 정보</translation>
    </message>
    <message>
        <source>Dropped text</source>
        <translation>끌어 놓은 텍스트</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>복사함: %1</translation>
    </message>
    <message>
        <source>Severity of this case: %1</source>
        <translation>이 케이스의 심각도: %1</translation>
    </message>
    <message>
        <source>No secret key</source>
        <translation>시크릿 키 없음</translation>
    </message>
    <message>
        <source>No merchant profile is set up, so %1 cannot be looked up. Add the merchant&apos;s profile and its secret key (test_sk_… or live_sk_…) in Settings.</source>
        <translation>상점 프로필이 없어 %1을(를) 조회할 수 없습니다. 설정에서 상점 프로필과 시크릿 키(test_sk_… 또는 live_sk_…)를 추가하세요.</translation>
    </message>
    <message>
        <source>The profile %1 has no secret key stored, so %2 cannot be looked up. Store its secret key (test_sk_… or live_sk_…) in Settings; it is kept in the system keychain.</source>
        <translation>프로필 %1에 저장된 시크릿 키가 없어 %2을(를) 조회할 수 없습니다. 설정에서 시크릿 키(test_sk_… 또는 live_sk_…)를 저장하세요. 키는 시스템 키체인에 보관됩니다.</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>설정 열기…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>배율 %1%</translation>
    </message>
    <message>
        <source>%1 kept in the evidence history as #%2</source>
        <translation>%1을(를) 증거 기록에 #%2로 남겼습니다</translation>
    </message>
    <message>
        <source>Evidence &amp;history</source>
        <translation>증거 기록(&amp;H)</translation>
    </message>
    <message>
        <source>Every case kept: find a snapshot, open it, compare two</source>
        <translation>남긴 모든 케이스: 스냅숏을 찾고, 열고, 두 개를 비교합니다</translation>
    </message>
    <message>
        <source>Compare with the &amp;previous snapshot</source>
        <translation>이전 스냅숏과 비교(&amp;P)</translation>
    </message>
    <message>
        <source>What changed since this payment was last kept in the history</source>
        <translation>이 결제를 증거 기록에 마지막으로 남긴 뒤 바뀐 것</translation>
    </message>
    <message>
        <source>%1 kept in the evidence history as #%2; Ctrl+D shows what changed since #%3</source>
        <translation>%1을(를) 증거 기록에 #%2로 남겼습니다. Ctrl+D를 누르면 #%3 이후 바뀐 것을 봅니다</translation>
    </message>
    <message>
        <source>History</source>
        <translation>증거 기록</translation>
    </message>
    <message>
        <source>Snapshot #%1 is no longer in the evidence history (pruned, or another history).</source>
        <translation>스냅숏 #%1은(는) 이제 증거 기록에 없습니다(정리되었거나 다른 기록입니다).</translation>
    </message>
    <message>
        <source>This case is not in the evidence history yet.</source>
        <translation>이 케이스는 아직 증거 기록에 없습니다.</translation>
    </message>
    <message>
        <source>#%1 is the first snapshot of this payment: there is none before it to compare with.</source>
        <translation>#%1은(는) 이 결제의 첫 스냅숏입니다: 비교할 이전 스냅숏이 없습니다.</translation>
    </message>
    <message>
        <source>Period &amp;scan</source>
        <translation>기간 스캔(&amp;S)</translation>
    </message>
    <message>
        <source>Every transaction and settlement of the merchant in some days, checked: which payments look wrong</source>
        <translation>며칠 동안 상점의 모든 거래와 정산을 확인해 이상해 보이는 결제를 찾습니다</translation>
    </message>
    <message>
        <source>No merchant profile is chosen: add one in Settings, or start the demo.</source>
        <translation>선택한 상점 프로필이 없습니다. 설정에서 추가하거나 데모를 시작하세요.</translation>
    </message>
    <message>
        <source>The profile %1 has no secret key stored: store it in Settings.</source>
        <translation>%1 프로필에 저장된 시크릿 키가 없습니다. 설정에서 저장하세요.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>스캔</translation>
    </message>
    <message>
        <source>&amp;Batch lookup</source>
        <translation>일괄 조회(&amp;B)</translation>
    </message>
    <message>
        <source>Look many payments up at once: ids pasted or from a CSV</source>
        <translation>여러 결제를 한꺼번에 조회합니다: 붙여 넣은 아이디나 CSV에서</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>일괄 조회</translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation>%1 크기를 재는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n snapshot(s) in %2.</source>
        <translation>
            <numerusform>%1에는 스냅숏 %n개가 %2를 차지합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) older than %1 days removed from the evidence history (pinned ones kept).</source>
        <translation>
            <numerusform>%1일보다 오래된 스냅숏 %n개를 증거 기록에서 지웠습니다(고정한 것은 남김).</numerusform>
        </translation>
    </message>
    <message>
        <source>The evidence history moves to %1 from the next start.</source>
        <translation>다음 시작부터 증거 기록을 %1에 남깁니다.</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>보고서 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>The case as a report for a ticket, the provider or a manager: Markdown, HTML or PDF, personal data masked</source>
        <translation>티켓, 제공자, 관리자에게 줄 케이스 보고서: Markdown, HTML 또는 PDF, 개인정보는 가림</translation>
    </message>
    <message>
        <source>The case is still being looked up: export it once its answers are in.</source>
        <translation>케이스를 아직 조회하는 중입니다: 응답이 모두 온 뒤 내보내세요.</translation>
    </message>
    <message>
        <source>This case has nothing to report: no answer arrived, or it is a dump read record by record (use paytriage-cli for those).</source>
        <translation>이 케이스에는 보고할 것이 없습니다: 받은 응답이 없거나 레코드 단위로 읽은 덤프입니다(덤프는 paytriage-cli를 쓰세요).</translation>
    </message>
    <message>
        <source>Export the case as a report</source>
        <translation>케이스를 보고서로 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1 (personal data masked)</source>
        <translation>%1에 보고서를 썼습니다(개인정보 가림)</translation>
    </message>
    <message>
        <source>Open a case &amp;bundle…</source>
        <translation>케이스 묶음 열기(&amp;B)…</translation>
    </message>
    <message>
        <source>A folder exported from the history (paytriage-cli history export): checked against its manifest and opened as it was kept</source>
        <translation>증거 기록에서 내보낸 폴더(paytriage-cli history export): manifest와 대조한 뒤 남긴 그대로 엽니다</translation>
    </message>
    <message>
        <source>Open a case bundle</source>
        <translation>케이스 묶음 열기</translation>
    </message>
    <message numerus="yes">
        <source>Bundle verified: its %n file(s) match the manifest.</source>
        <translation>
            <numerusform>묶음 확인됨: 파일 %n개가 manifest와 일치합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundle does not verify, so it may not be what was kept: %1</source>
        <translation>묶음이 확인되지 않아 남긴 그대로가 아닐 수 있습니다: %1</translation>
    </message>
    <message>
        <source>Export report &amp;unmasked…</source>
        <translation>가리지 않은 보고서 내보내기(&amp;U)…</translation>
    </message>
    <message>
        <source>The case as a report with personal data as received, for where it may go: asked to confirm first. Secret keys and credentials are never included</source>
        <translation>개인정보를 받은 그대로 담은 케이스 보고서(개인정보를 보내도 되는 곳에만): 먼저 확인을 묻습니다. 시크릿 키와 인증 정보는 절대 들어가지 않습니다</translation>
    </message>
    <message>
        <source>Export case bun&amp;dle…</source>
        <translation>케이스 묶음 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>A folder for a ticket or the provider: the answers as kept, the report and a manifest of their SHA-256, which PayTriage opens again and verifies</source>
        <translation>티켓이나 제공사에 보낼 폴더: 보관한 그대로의 응답, 보고서, 그 SHA-256 목록(manifest). PayTriage가 다시 열어 검증합니다</translation>
    </message>
    <message>
        <source>Export unmasked?</source>
        <translation>가리지 않고 내보낼까요?</translation>
    </message>
    <message>
        <source>This report shows personal data as received: customer names, e-mail addresses, phone numbers, card and account numbers and the payment secret. Send it only where personal data may go.</source>
        <translation>이 보고서에는 개인정보가 받은 그대로 들어갑니다: 고객 이름, 이메일 주소, 전화번호, 카드·계좌 번호, 결제 secret. 개인정보를 보내도 되는 곳에만 보내세요.</translation>
    </message>
    <message>
        <source>Secret keys and credentials are never included, masked or not.</source>
        <translation>시크릿 키와 인증 정보는 가림 여부와 관계없이 절대 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>Export unmasked</source>
        <translation>가리지 않고 내보내기</translation>
    </message>
    <message>
        <source>Export the case as an unmasked report</source>
        <translation>케이스를 가리지 않은 보고서로 내보내기</translation>
    </message>
    <message>
        <source>Report written to %1 (UNMASKED: personal data as received)</source>
        <translation>보고서를 %1에 저장했습니다 (가리지 않음: 개인정보가 받은 그대로 있음)</translation>
    </message>
    <message>
        <source>Where the case bundle&apos;s folder goes</source>
        <translation>케이스 묶음 폴더를 만들 위치</translation>
    </message>
    <message>
        <source>Case bundle written to %1 (personal data masked): File ▸ Open a case bundle verifies it</source>
        <translation>케이스 묶음을 %1에 저장했습니다 (개인정보 가림). 파일 ▸ 케이스 묶음 열기로 검증합니다</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PayTriage %1&lt;/h3&gt;&lt;p&gt;A support console for the Toss Payments API: look payments up, read the raw responses beside a decoded timeline, and see what looks wrong and what to do.&lt;/p&gt;&lt;p&gt;Read-only by design: it never calls an endpoint that moves money.&lt;/p&gt;&lt;p&gt;Catalog: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PayTriage %1&lt;/h3&gt;&lt;p&gt;토스페이먼츠 API 지원 콘솔입니다. 결제를 조회하고, 원본 응답과 해석한 타임라인을 나란히 보고, 무엇이 이상하고 무엇을 해야 하는지 확인합니다.&lt;/p&gt;&lt;p&gt;읽기 전용으로 설계되어 돈이 움직이는 API는 절대 호출하지 않습니다.&lt;/p&gt;&lt;p&gt;카탈로그: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>paytriage::ModelText</name>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>거래</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>정산</translation>
    </message>
    <message>
        <source>In-app order</source>
        <translation>인앱 주문</translation>
    </message>
    <message>
        <source>API error</source>
        <translation>API 오류</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>웹훅</translation>
    </message>
    <message>
        <source>Deposit callback</source>
        <translation>입금 콜백</translation>
    </message>
    <message>
        <source>Cash receipt</source>
        <translation>현금영수증</translation>
    </message>
    <message>
        <source>Unknown document</source>
        <translation>알 수 없는 문서</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>가맹점</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>구매자</translation>
    </message>
    <message>
        <source>card company or bank</source>
        <translation>카드사·은행</translation>
    </message>
    <message>
        <source>Toss Payments</source>
        <translation>토스페이먼츠</translation>
    </message>
    <message>
        <source>Billing key</source>
        <translation>빌링키</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>BrandPay method</source>
        <translation>브랜드페이 결제수단</translation>
    </message>
    <message>
        <source>BrandPay customer</source>
        <translation>브랜드페이 고객</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>지급대행</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>셀러</translation>
    </message>
</context>
<context>
    <name>paytriage::PeriodScan</name>
    <message>
        <source>the answer is not a list of records</source>
        <translation>응답이 레코드 목록이 아닙니다</translation>
    </message>
    <message>
        <source>a page ends without a transactionKey to read on from</source>
        <translation>페이지 끝에 다음 페이지를 읽을 transactionKey가 없습니다</translation>
    </message>
    <message>
        <source>the server ignored startingAfter: a page ends where the one before did</source>
        <translation>서버가 startingAfter를 무시했습니다: 페이지가 이전 페이지와 같은 곳에서 끝납니다</translation>
    </message>
    <message>
        <source>the server ignored the page number: a settlements page repeats the one before</source>
        <translation>서버가 페이지 번호를 무시했습니다: 정산 페이지가 이전 페이지를 되풀이합니다</translation>
    </message>
    <message>
        <source>it cannot be made</source>
        <translation>만들 수 없음</translation>
    </message>
    <message>
        <source>The scan could not keep its working files in %1 (%2). Free some disk space there, or make it writable, and scan again.</source>
        <translation>스캔 작업 파일을 %1에 둘 수 없습니다 (%2). 그곳의 디스크 공간을 확보하거나 쓰기 권한을 준 뒤 다시 스캔하세요.</translation>
    </message>
</context>
<context>
    <name>paytriage::ProfileCheck</name>
    <message>
        <source>Not a valid address: use https://host.</source>
        <translation>올바른 주소가 아닙니다. https://호스트 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only to this computer (127.0.0.1, localhost); use https://.</source>
        <translation>http://는 이 컴퓨터(127.0.0.1, localhost)에만 쓸 수 있습니다. https://를 사용하세요.</translation>
    </message>
    <message>
        <source>No secret key is stored yet: lookups with this profile need one.</source>
        <translation>아직 저장된 시크릿 키가 없습니다. 이 프로필로 조회하려면 키가 필요합니다.</translation>
    </message>
    <message>
        <source>The key contains spaces or line breaks; paste it again without them.</source>
        <translation>키에 공백이나 줄바꿈이 들어 있습니다. 빼고 다시 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>This is a client key, meant for browsers. Lookups need the secret key: test_sk_… or live_sk_… (test_gsk_… or live_gsk_… for the payment widget).</source>
        <translation>브라우저용 클라이언트 키입니다. 조회에는 시크릿 키가 필요합니다: test_sk_… 또는 live_sk_…(결제위젯은 test_gsk_… 또는 live_gsk_…).</translation>
    </message>
    <message>
        <source>Secret keys start with test_ or live_; check that this is the secret key from the developer center.</source>
        <translation>시크릿 키는 test_ 또는 live_로 시작합니다. 개발자센터의 시크릿 키가 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>A live key: lookups read real payments (read-only; nothing is changed).</source>
        <translation>라이브 키입니다. 실제 결제를 조회합니다(조회만 하며 아무것도 바꾸지 않습니다).</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>프로필 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; 이름의 프로필이 이미 있습니다.</translation>
    </message>
    <message>
        <source>API versions look like 2022-11-16 or 1.4; the provider may refuse this one.</source>
        <translation>API 버전은 2022-11-16이나 1.4 같은 형식입니다. 이 값은 거부될 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose the certificate&apos;s private key too.</source>
        <translation>인증서의 개인 키도 선택하세요.</translation>
    </message>
    <message>
        <source>Choose the certificate of this private key too.</source>
        <translation>이 개인 키의 인증서도 선택하세요.</translation>
    </message>
</context>
<context>
    <name>paytriage::ProfileCommit</name>
    <message>
        <source>The secret key of &quot;%1&quot; was not stored: another profile&apos;s key, which could not be read, is still under that name and would have been lost.</source>
        <translation>&quot;%1&quot;의 시크릿 키를 저장하지 않았습니다. 그 이름에 읽지 못한 다른 프로필의 키가 아직 있어, 저장하면 그 키를 잃게 됩니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::RawPane</name>
    <message>
        <source>Raw JSON</source>
        <translation>원본 JSON</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n record(s)) was analysed record by record, without keeping the records. The raw pane shows its beginning, not linked to the other panes; a finding names its record by number (/123).</source>
        <translation>
            <numerusform>%1(%2, 레코드 %n개)은(는) 레코드를 보관하지 않고 하나씩 분석했습니다. 원본 창은 파일의 앞부분만 보여 주며 다른 창과 연결되지 않습니다. 발견 사항은 레코드를 번호(/123)로 가리킵니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>This text is %1: a selection shows its record here, not the field itself (fields are linked in texts up to %2).</source>
        <translation>이 텍스트는 %1입니다. 선택하면 필드 자체가 아니라 그 필드가 든 레코드를 여기서 보여 줍니다(필드 단위 연결은 %2까지의 텍스트에서만).</translation>
    </message>
    <message>
        <source>no Content-Type</source>
        <translation>Content-Type 없음</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>What %1 sent back, as received: it could not be used as the API&apos;s JSON (%2).</source>
        <translation>%1이(가) 보낸 응답을 받은 그대로 보여 줍니다. API의 JSON으로 쓸 수 없었습니다(%2).</translation>
    </message>
    <message>
        <source>Back to the documents</source>
        <translation>문서로 돌아가기</translation>
    </message>
</context>
<context>
    <name>paytriage::Redaction</name>
    <message>
        <source>payment secret</source>
        <translation>결제 secret</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>계좌 번호</translation>
    </message>
    <message>
        <source>cash-receipt identity number</source>
        <translation>현금영수증 식별 번호</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>고객 이름</translation>
    </message>
    <message>
        <source>account holder name</source>
        <translation>예금주 이름</translation>
    </message>
    <message>
        <source>depositor name</source>
        <translation>입금자 이름</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>이메일 주소</translation>
    </message>
</context>
<context>
    <name>paytriage::ScanResultModel</name>
    <message>
        <source>paymentKey</source>
        <translation>paymentKey</translation>
    </message>
    <message>
        <source>orderId</source>
        <translation>orderId</translation>
    </message>
    <message>
        <source>Day (KST)</source>
        <translation>날짜(KST)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>발견 사항</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>발견한 것</translation>
    </message>
</context>
<context>
    <name>paytriage::ScanView</name>
    <message>
        <source>&amp;From</source>
        <translation>시작일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>종료일(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settlements too</source>
        <translation>정산도 포함(&amp;S)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>스캔</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>이어서 읽기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Payments with findings, most severe first</source>
        <translation>발견 사항이 있는 결제, 심각한 순</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a To day on or after the From day.</source>
        <translation>기간의 끝이 시작보다 앞섭니다: 종료일을 시작일과 같거나 뒤로 고르세요.</translation>
    </message>
    <message>
        <source>Choose the days and press Scan: every transaction and settlement of the merchant in them is read and checked, page by page.</source>
        <translation>날짜를 고르고 스캔을 누르세요: 그 기간 상점의 모든 거래와 정산을 페이지 단위로 읽어 확인합니다.</translation>
    </message>
    <message>
        <source>%1: reading transactions… %2</source>
        <translation>%1: 거래 내역을 읽는 중… %2</translation>
    </message>
    <message>
        <source>%1: reading settlements… %2</source>
        <translation>%1: 정산을 읽는 중… %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) asked again after a failure</source>
        <translation>
            <numerusform>실패 후 다시 요청한 페이지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done in %2 s, %3 requests. %4</source>
        <translation>%1: %2초, 요청 %3번으로 완료. %4</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) began before these days (their first record here is a cancel): not judged across their records; look one up to see it whole.</source>
        <translation>
            <numerusform>결제 %n건은 이 기간 전에 시작되었습니다(여기서 첫 레코드가 취소): 레코드를 함께 놓고 판단하지 않았습니다. 전체를 보려면 하나를 조회하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped by a failure after %1 pages: %2. Read on continues from where it stopped.</source>
        <translation>%1페이지 뒤 실패로 멈췄습니다: %2. 이어서 읽기를 누르면 멈춘 곳부터 계속합니다.</translation>
    </message>
    <message>
        <source>Stopped after %1 pages; what was read is shown. Read on continues from where it stopped.</source>
        <translation>%1페이지 뒤 멈췄습니다. 읽은 것은 보여 줍니다. 이어서 읽기를 누르면 멈춘 곳부터 계속합니다.</translation>
    </message>
    <message>
        <source>Findings per day (KST)</source>
        <translation>날짜별 발견 사항(KST)</translation>
    </message>
    <message>
        <source>Transactions by status</source>
        <translation>상태별 거래</translation>
    </message>
    <message>
        <source>Read every transaction and settlement of the merchant in these days and check them (Enter)</source>
        <translation>이 기간 상점의 모든 거래와 정산을 읽어 확인합니다(Enter)</translation>
    </message>
    <message>
        <source>Stop after the page being read; what was read stays</source>
        <translation>읽고 있는 페이지 뒤에 멈춥니다. 읽은 것은 남습니다</translation>
    </message>
    <message>
        <source>Read on from the page where the scan stopped</source>
        <translation>스캔이 멈춘 페이지부터 이어서 읽습니다</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>보고서 내보내기…</translation>
    </message>
    <message>
        <source>Export the scan as a report</source>
        <translation>스캔을 보고서로 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>%1에 보고서를 썼습니다</translation>
    </message>
    <message>
        <source>&amp;Requests a second</source>
        <translation>초당 요청(&amp;R)</translation>
    </message>
    <message>
        <source>Requests a second at most</source>
        <translation>초당 요청 수의 최대</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>%1 pages · %2 transactions · %3 settlement records</source>
        <translation>%1페이지 · 거래 %2건 · 정산 레코드 %3건</translation>
    </message>
    <message>
        <source>%1 · %2 payments · %3 findings</source>
        <translation>%1 · 결제 %2건 · 발견 사항 %3건</translation>
    </message>
    <message>
        <source>%1: weighing each payment&apos;s records together (part %2 of %3)… %4</source>
        <translation>%1: 결제별 레코드를 함께 따져 보는 중 (%3개 중 %2번째)… %4</translation>
    </message>
    <message>
        <source>Stopped after %1 pages: %2</source>
        <translation>%1페이지 뒤에 멈췄습니다: %2</translation>
    </message>
    <message>
        <source>%1 · about %2 payments · %3 findings</source>
        <translation>%1 · 결제 약 %2건 · 발견 사항 %3건</translation>
    </message>
</context>
<context>
    <name>paytriage::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>설정 페이지</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>프로필(&amp;P)</translation>
    </message>
    <message>
        <source>Secret key storage notice</source>
        <translation>시크릿 키 보관 안내</translation>
    </message>
    <message>
        <source>Merchant profiles</source>
        <translation>상점 프로필</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add a merchant profile</source>
        <translation>상점 프로필 추가</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected merchant profile</source>
        <translation>선택한 상점 프로필 삭제</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>프로필 이름</translation>
    </message>
    <message>
        <source>&amp;MID</source>
        <translation>MID(&amp;M)</translation>
    </message>
    <message>
        <source>Merchant ID (MID)</source>
        <translation>상점 아이디(MID)</translation>
    </message>
    <message>
        <source>The merchant&apos;s mId, e.g. tvivarepublica</source>
        <translation>상점의 mId (예: tvivarepublica)</translation>
    </message>
    <message>
        <source>&amp;Secret key</source>
        <translation>시크릿 키(&amp;S)</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>시크릿 키</translation>
    </message>
    <message>
        <source>Stored in the keychain. It is never shown again; type a new key to replace it.</source>
        <translation>키체인에 저장됩니다. 다시 표시되지 않으니, 바꾸려면 새 키를 입력하세요.</translation>
    </message>
    <message>
        <source>Stored in the keychain, never in the settings file. It is never shown again; type a new key to replace it.</source>
        <translation>설정 파일이 아닌 키체인에 저장됩니다. 다시 표시되지 않으니, 바꾸려면 새 키를 입력하세요.</translation>
    </message>
    <message>
        <source>Key mode</source>
        <translation>키 종류</translation>
    </message>
    <message>
        <source>&amp;Base URL</source>
        <translation>기본 URL(&amp;B)</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API 기본 URL</translation>
    </message>
    <message>
        <source>API &amp;version</source>
        <translation>API 버전(&amp;V)</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 버전</translation>
    </message>
    <message>
        <source>Sent as the TossPayments-API-Version header. Empty: the version set for the merchant in the developer center.</source>
        <translation>TossPayments-API-Version 헤더로 보냅니다. 비워 두면 개발자센터에서 상점에 설정한 버전을 씁니다.</translation>
    </message>
    <message>
        <source>Apps-in-Toss (in-app purchases)</source>
        <translation>앱인토스(인앱 결제)</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>URL(&amp;U)</translation>
    </message>
    <message>
        <source>Apps-in-Toss API base URL</source>
        <translation>앱인토스 API 기본 URL</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>인증서(&amp;C)</translation>
    </message>
    <message>
        <source>mTLS client certificate file</source>
        <translation>mTLS 클라이언트 인증서 파일</translation>
    </message>
    <message>
        <source>PEM file from the Apps-in-Toss console</source>
        <translation>앱인토스 콘솔에서 받은 PEM 파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>클라이언트 인증서 파일 선택</translation>
    </message>
    <message>
        <source>Private &amp;key</source>
        <translation>개인 키(&amp;K)</translation>
    </message>
    <message>
        <source>mTLS private key file</source>
        <translation>mTLS 개인 키 파일</translation>
    </message>
    <message>
        <source>Unencrypted PEM key of that certificate</source>
        <translation>해당 인증서의 암호화되지 않은 PEM 키</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>개인 키 파일 선택</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>일반(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Labels, findings and the catalog&apos;s explanations switch at once; the provider&apos;s own messages follow on the next lookup.</source>
        <translation>화면 문구, 발견 사항, 카탈로그 설명은 바로 바뀌고, 토스페이먼츠가 보내는 메시지는 다음 조회부터 바뀝니다.</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>규칙(&amp;R)</translation>
    </message>
    <message>
        <source>Each rule gives its findings a severity that fits the case. Override it here to raise or lower every finding of a rule, e.g. to silence a drift your merchant lives with.</source>
        <translation>규칙마다 상황에 맞는 심각도를 발견 사항에 매깁니다. 여기서 바꾸면 그 규칙의 모든 발견 사항을 한꺼번에 올리거나 내릴 수 있습니다. 예를 들어 상점이 이미 알고 감수하는 API 변경은 낮춰 둘 수 있습니다.</translation>
    </message>
    <message>
        <source>Severity per rule</source>
        <translation>규칙별 심각도</translation>
    </message>
    <message>
        <source>Apps-in-Toss client certificate</source>
        <translation>앱인토스 클라이언트 인증서</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.cer);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Private key of the client certificate</source>
        <translation>클라이언트 인증서의 개인 키</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <source>Set by the rule</source>
        <translation>규칙이 정함</translation>
    </message>
    <message>
        <source>Each finding gets the severity its case calls for (a payment stuck past its expiry is critical, one still in time a warning).</source>
        <translation>발견 사항마다 상황에 맞는 심각도가 붙습니다(만료 시각이 지나도록 멈춘 결제는 심각, 아직 시간 안이면 경고).</translation>
    </message>
    <message>
        <source>Severity of %1</source>
        <translation>%1의 심각도</translation>
    </message>
    <message>
        <source>The merchant&apos;s own (developer center)</source>
        <translation>상점 설정 버전(개발자센터)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>라이브</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>키체인 확인 중…</translation>
    </message>
    <message>
        <source>A key is stored; type a new one to replace it</source>
        <translation>저장된 키가 있습니다. 바꾸려면 새 키를 입력하세요</translation>
    </message>
    <message>
        <source>No key stored; type the secret key (test_sk_… or live_sk_…)</source>
        <translation>저장된 키가 없습니다. 시크릿 키를 입력하세요(test_sk_… 또는 live_sk_…)</translation>
    </message>
    <message>
        <source>Secret keys are kept only until PayTriage quits: no keychain is in use. Enter them again next time.</source>
        <translation>키체인을 쓰지 않아 시크릿 키는 PayTriage를 종료할 때까지만 보관됩니다. 다음 실행 때 다시 입력하세요.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>새 프로필</translation>
    </message>
    <message>
        <source>Rule id: %1</source>
        <translation>규칙 ID: %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between severities in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <comment>severities a rule may report, e.g. Warning or Info</comment>
        <translation>%1 또는 %2</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>기본값 (%1)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>증거 기록(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kept in</source>
        <translation>위치(&amp;K)</translation>
    </message>
    <message>
        <source>Where the evidence history is kept</source>
        <translation>증거 기록을 남기는 곳</translation>
    </message>
    <message>
        <source>K&amp;eep snapshots</source>
        <translation>스냅숏 보관(&amp;E)</translation>
    </message>
    <message>
        <source>Days snapshots are kept</source>
        <translation>스냅숏을 보관하는 일수</translation>
    </message>
    <message>
        <source>Older snapshots are removed at start and when you save; pinned ones are kept.</source>
        <translation>더 오래된 스냅숏은 시작할 때와 저장할 때 지웁니다. 고정한 것은 남깁니다.</translation>
    </message>
    <message>
        <source>Keep the evidence history in</source>
        <translation>증거 기록을 남길 곳</translation>
    </message>
    <message>
        <source>History (*.sqlite);;All files (*)</source>
        <translation>증거 기록 (*.sqlite);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>for ever</source>
        <translation>계속</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>비밀번호(&amp;P)</translation>
    </message>
    <message>
        <source>Password of the team&apos;s PostgreSQL</source>
        <translation>팀 PostgreSQL의 비밀번호</translation>
    </message>
    <message>
        <source>Empty: your own file. Or another SQLite file, or a team&apos;s PostgreSQL as postgresql://user@host:5432/db?sslmode=require, its password below (kept in the system keychain, never in the address or the settings file; else ~/.pgpass). PAYTRIAGE_STORE, when set, wins. A new place is used from the next start.</source>
        <translation>비워 두면 내 파일. 또는 다른 SQLite 파일이나 팀의 PostgreSQL을 postgresql://user@host:5432/db?sslmode=require 형식으로, 비밀번호는 아래에(시스템 키체인에 보관하며 주소나 설정 파일에는 절대 넣지 않음. 없으면 ~/.pgpass). PAYTRIAGE_STORE가 설정되어 있으면 그것이 우선합니다. 새 위치는 다음 시작부터 씁니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::Severity</name>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
</context>
<context>
    <name>paytriage::Store</name>
    <message>
        <source>expected postgresql://user@host:port/database?sslmode=…</source>
        <translation>postgresql://사용자@호스트:포트/데이터베이스?sslmode=… 형식이어야 합니다</translation>
    </message>
    <message>
        <source>a password belongs in the keychain, not in the address</source>
        <translation>비밀번호는 주소가 아니라 키체인에 두어야 합니다</translation>
    </message>
    <message>
        <source>The evidence history %1 cannot be opened: Qt&apos;s database driver for it is not installed. Install it (on Debian: libqt6sql6-sqlite for a file, libqt6sql6-psql for PostgreSQL) and start PayTriage again.</source>
        <translation>증거 기록 %1을(를) 열 수 없습니다: 이에 필요한 Qt 데이터베이스 드라이버가 설치되어 있지 않습니다. 드라이버를 설치한 뒤(Debian: 파일은 libqt6sql6-sqlite, PostgreSQL은 libqt6sql6-psql) PayTriage를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The evidence history %1 cannot be opened. Check that its folder exists and is writable, or for a server that it is running and the address, user and password are right.</source>
        <translation>증거 기록 %1을(를) 열 수 없습니다. 폴더가 있고 쓸 수 있는지, 서버라면 실행 중이고 주소·사용자·비밀번호가 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>The evidence history %1 is busy: another PayTriage is writing to it and did not finish in time. Close the other window or command, or wait for it, and try again.</source>
        <translation>증거 기록 %1이(가) 사용 중입니다: 다른 PayTriage가 쓰는 중이며 제때 끝나지 않았습니다. 다른 창이나 명령을 닫거나 끝날 때까지 기다린 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The evidence history %1 is damaged and was left as it is. Move the file aside (keep it: the sqlite3 tool&apos;s .recover may save its snapshots) and PayTriage will start a new history.</source>
        <translation>증거 기록 %1이(가) 손상되어 그대로 두었습니다. 파일을 다른 곳으로 옮기면(지우지 마세요: sqlite3 도구의 .recover로 스냅숏을 살릴 수도 있습니다) PayTriage가 새 기록을 시작합니다.</translation>
    </message>
    <message>
        <source>%1 is not a PayTriage evidence history and was left as it is. Choose another file, or move this one aside and PayTriage will start a new history there.</source>
        <translation>%1은(는) PayTriage 증거 기록이 아니어서 그대로 두었습니다. 다른 파일을 고르거나, 이 파일을 옮기면 PayTriage가 그 자리에 새 기록을 시작합니다.</translation>
    </message>
    <message>
        <source>The evidence history %1 was written by a newer PayTriage (schema version %2) and was left untouched. Update PayTriage to use it, or choose another history.</source>
        <translation>증거 기록 %1은(는) 더 새로운 PayTriage가 쓴 것이라(스키마 버전 %2) 건드리지 않았습니다. 쓰려면 PayTriage를 업데이트하거나 다른 기록을 고르세요.</translation>
    </message>
    <message>
        <source>The evidence history %1 could not be read or written.</source>
        <translation>증거 기록 %1을(를) 읽거나 쓸 수 없었습니다.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>paytriage::SummaryPane</name>
    <message>
        <source>Case summary</source>
        <translation>케이스 요약</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>결제 상태</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <source>Copy the order ID</source>
        <translation>주문번호 복사</translation>
    </message>
    <message>
        <source>Copy order ID</source>
        <translation>주문번호 복사</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Payment key</source>
        <translation>결제 키</translation>
    </message>
    <message>
        <source>Copy the payment key</source>
        <translation>결제 키 복사</translation>
    </message>
    <message>
        <source>Copy payment key</source>
        <translation>결제 키 복사</translation>
    </message>
    <message>
        <source>Where the case came from</source>
        <translation>케이스 출처</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the requests still running</source>
        <translation>아직 진행 중인 요청을 멈춥니다</translation>
    </message>
    <message>
        <source>Look up live</source>
        <translation>지금 조회</translation>
    </message>
    <message>
        <source>Look this payment up now with the selected merchant profile, to compare with the pasted answer</source>
        <translation>선택한 상점 프로필로 이 결제를 지금 조회해 붙여 넣은 응답과 비교합니다</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>요약 복사</translation>
    </message>
    <message>
        <source>Copy the case as plain text for a ticket or a chat, personal data masked (Ctrl+Shift+C)</source>
        <translation>티켓이나 채팅에 붙여 넣을 수 있게 케이스를 일반 텍스트로 복사합니다. 개인정보는 가립니다 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Fetch or analyse again (F5)</source>
        <translation>다시 조회하거나 다시 분석합니다 (F5)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Explain code</source>
        <translation>코드 설명</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>텍스트 고치기…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>order ID</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <source>payment key</source>
        <translation>결제 키</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>정산</translation>
    </message>
    <message>
        <source>In-app order status</source>
        <translation>인앱 주문 상태</translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3, next in %4 s (Retry-After)</source>
        <translation>%1: %3번 중 %2번째 시도, %4초 뒤 (Retry-After)</translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3, next in %4 s</source>
        <translation>%1: %3번 중 %2번째 시도, %4초 뒤</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 page(s), %n record(s) so far, %3 s</source>
        <translation>
            <numerusform>%1: %2쪽, 지금까지 %n건, %3초</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3…</source>
        <translation>%1: %3번 중 %2번째 시도…</translation>
    </message>
    <message>
        <source>%1: fetching… %2 s</source>
        <translation>%1: 조회 중… %2초</translation>
    </message>
    <message>
        <source>%1: fetching…</source>
        <translation>%1: 조회 중…</translation>
    </message>
    <message numerus="yes">
        <source>%1: ✓ %n record(s)</source>
        <translation>
            <numerusform>%1: ✓ %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ✗ failed</source>
        <translation>%1: ✗ 실패</translation>
    </message>
    <message>
        <source>%1: canceled</source>
        <translation>%1: 취소됨</translation>
    </message>
    <message>
        <source>show what came back</source>
        <translation>받은 응답 보기</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) from the text</source>
        <translation>
            <numerusform>텍스트에서 문서 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>분석 중…</translation>
    </message>
    <message>
        <source>It was looked up as a paymentKey; if it is the merchant&apos;s order number, choose orderId as the kind.</source>
        <translation>paymentKey로 조회했습니다. 상점의 주문번호라면 종류를 orderId로 고르세요.</translation>
    </message>
    <message>
        <source>It was looked up as an orderId; if it is a paymentKey (the long key Toss issued), choose paymentKey as the kind.</source>
        <translation>orderId로 조회했습니다. 토스페이먼츠가 발급한 긴 키(paymentKey)라면 종류를 paymentKey로 고르세요.</translation>
    </message>
    <message>
        <source>The profile&apos;s key is a test key: payments made with the live key (real customers) are not visible to it.</source>
        <translation>이 프로필의 키는 테스트 키입니다. 라이브 키로 이루어진 결제(실제 고객)는 테스트 키로 보이지 않습니다.</translation>
    </message>
    <message>
        <source>The profile&apos;s key is a live key: payments made in the test environment are not visible to it.</source>
        <translation>이 프로필의 키는 라이브 키입니다. 테스트 환경에서 이루어진 결제는 라이브 키로 보이지 않습니다.</translation>
    </message>
    <message>
        <source>A key sees only the payments of its own MID: check that this profile is the merchant that took it.</source>
        <translation>키는 자기 MID의 결제만 봅니다. 이 프로필이 그 결제를 받은 상점인지 확인하세요.</translation>
    </message>
    <message>
        <source>What to check:</source>
        <translation>확인할 것:</translation>
    </message>
    <message>
        <source>Your text is kept: edit it and analyse again, or fix the place marked in the raw pane.</source>
        <translation>입력한 텍스트는 그대로 있습니다. 고쳐서 다시 분석하거나, 원본 창에 표시된 곳을 확인하세요.</translation>
    </message>
    <message>
        <source>canceled before deposit</source>
        <translation>입금 전 취소</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>총액 %1</translation>
    </message>
    <message>
        <source>balance %1</source>
        <translation>잔액 %1</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>In-app purchase</source>
        <translation>인앱 결제</translation>
    </message>
    <message>
        <source>No payment</source>
        <translation>결제 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>문서 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) of the text could not be read and were left out; the rest was analysed.</source>
        <translation>
            <numerusform>텍스트에서 %n곳을 읽지 못해 빼고, 나머지를 분석했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more like it)</source>
        <translation>
            <numerusform>(같은 종류 %n곳 더)</numerusform>
        </translation>
    </message>
    <message>
        <source>The text was not strict JSON; read after repairs: %1.</source>
        <translation>텍스트가 엄격한 JSON이 아니어서 다음을 고쳐 읽었습니다: %1.</translation>
    </message>
    <message>
        <source>Hover for the list; where data was changed or lost, the place is marked in the raw pane.</source>
        <translation>목록은 마우스를 올리면 보이고, 데이터가 바뀌거나 빠진 곳은 원문 창에 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::TableReport</name>
    <message numerus="yes">
        <source>PayTriage batch lookup: %n id(s)</source>
        <translation>
            <numerusform>PayTriage 일괄 조회: 아이디 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Merchant profile: %1</source>
        <translation>상점 프로필: %1</translation>
    </message>
    <message>
        <source>Looked up: %1</source>
        <translation>조회한 시각: %1</translation>
    </message>
    <message>
        <source>PayTriage period scan: %1 – %2</source>
        <translation>PayTriage 기간 스캔: %1 – %2</translation>
    </message>
    <message>
        <source>Scanned: %1</source>
        <translation>스캔한 시각: %1</translation>
    </message>
    <message>
        <source>Transactions by status: %1</source>
        <translation>상태별 거래: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>The scan did not read the whole period: what is listed is what was read.</source>
        <translation>스캔이 기간 전체를 읽지 못했습니다: 나열된 것은 읽은 것뿐입니다.</translation>
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
    <message>
        <source>Not recognised as a Toss Payments response: nothing was checked.</source>
        <translation>토스페이먼츠 응답으로 알아보지 못해 아무것도 검사하지 않았습니다.</translation>
    </message>
    <message>
        <source>Parts that could not be read</source>
        <translation>읽지 못한 부분</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
</context>
<context>
    <name>paytriage::TimelineModel</name>
    <message>
        <source>%1 (no offset)</source>
        <translation>%1 (오프셋 없음)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Time (KST)</source>
        <translation>시각 (KST)</translation>
    </message>
    <message>
        <source>Since start</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>기한 %1</translation>
    </message>
    <message>
        <source>Now (time of analysis)</source>
        <translation>지금 (분석 기준 시각)</translation>
    </message>
    <message>
        <source>A deadline, not an event: by %1 it had to happen.</source>
        <translation>일어난 일이 아니라 기한입니다: %1까지 이루어져야 했습니다.</translation>
    </message>
    <message>
        <source>A business day, without a time of day: shown after that day&apos;s timed events.</source>
        <translation>시각 없는 영업일입니다: 그날 시각이 있는 이벤트 뒤에 보입니다.</translation>
    </message>
    <message>
        <source>When the case was analysed: how long ago everything above happened, and whether a deadline passed.</source>
        <translation>케이스를 분석한 시각입니다: 위의 일들이 얼마나 전에 일어났는지, 기한이 지났는지 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>paytriage::TimelinePane</name>
    <message>
        <source>Timeline (KST)</source>
        <translation>타임라인 (KST)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>timeline row</source>
        <translation>타임라인 행</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>행 복사</translation>
    </message>
    <message>
        <source>Copy the timeline as text</source>
        <translation>타임라인을 텍스트로 복사</translation>
    </message>
    <message>
        <source>no times in these documents (an error answer or a fragment without timestamps)</source>
        <translation>이 문서들에는 시각이 없습니다(오류 응답이거나 시각 없는 일부분)</translation>
    </message>
    <message numerus="yes">
        <source>the first %n events</source>
        <translation>
            <numerusform>처음 %n개 이벤트</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paytriage::WelcomePage</name>
    <message>
        <source>PayTriage</source>
        <translation>PayTriage</translation>
    </message>
    <message>
        <source>Look a payment up by orderId or paymentKey (Ctrl+L), or paste JSON from a ticket anywhere (Ctrl+Shift+V). Each case shows the raw JSON beside its decoded fields and timeline, with findings that explain what looks wrong and what to do.</source>
        <translation>orderId나 paymentKey로 결제를 조회하거나(Ctrl+L), 티켓의 JSON을 어디서든 붙여 넣으세요(Ctrl+Shift+V). 케이스마다 원본 JSON과 해석한 필드·타임라인을 나란히 보여 주고, 무엇이 이상하고 무엇을 해야 하는지 발견 사항으로 알려 줍니다.</translation>
    </message>
    <message>
        <source>Demo scenarios</source>
        <translation>데모 시나리오</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>보여 주는 것</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Start the demo sandbox</source>
        <translation>데모 샌드박스 시작</translation>
    </message>
    <message>
        <source>Analyse text…</source>
        <translation>텍스트 분석…</translation>
    </message>
    <message>
        <source>Demo mode: a local Toss API sandbox answers at %1 with the seed cases of real support threads, a generated merchant and injected faults. Click a scenario to look it up.</source>
        <translation>데모 모드: 로컬 토스 API 샌드박스가 %1에서 실제 문의 사례, 생성된 가상 상점, 일부러 넣은 장애로 응답합니다. 시나리오를 누르면 조회합니다.</translation>
    </message>
    <message>
        <source>No merchant set up? Start the demo: a local sandbox of the Toss API with the cases this tool was made for.</source>
        <translation>설정한 상점이 없나요? 데모를 시작하세요. 이 도구가 풀려는 사례가 담긴 로컬 토스 API 샌드박스입니다.</translation>
    </message>
    <message>
        <source>Paste (Ctrl+Shift+V) or drop here a response, a log excerpt or a saved JSON file: it is analysed as a case.</source>
        <translation>응답, 로그 일부, 저장한 JSON 파일을 붙여 넣거나(Ctrl+Shift+V) 여기로 끌어다 놓으면 케이스로 분석합니다.</translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation>최근 조회</translation>
    </message>
    <message>
        <source>TEST key stored</source>
        <translation>테스트 키 저장됨</translation>
    </message>
    <message>
        <source>LIVE key stored</source>
        <translation>라이브 키 저장됨</translation>
    </message>
    <message>
        <source>no key stored</source>
        <translation>저장된 키 없음</translation>
    </message>
    <message>
        <source>checking the keychain…</source>
        <translation>키체인 확인 중…</translation>
    </message>
    <message>
        <source>Store a key…</source>
        <translation>키 저장…</translation>
    </message>
    <message>
        <source>Merchant profiles:</source>
        <translation>상점 프로필:</translation>
    </message>
    <message>
        <source>During an incident:</source>
        <translation>장애 대응 중:</translation>
    </message>
    <message>
        <source>Batch lookup (Ctrl+B)</source>
        <translation>일괄 조회(Ctrl+B)</translation>
    </message>
    <message>
        <source>Paste a ticket&apos;s or a spreadsheet&apos;s ids and look them all up</source>
        <translation>티켓이나 스프레드시트의 아이디를 붙여 넣어 모두 조회합니다</translation>
    </message>
    <message>
        <source>Period scan (Ctrl+Shift+S)</source>
        <translation>기간 스캔(Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Check every transaction and settlement of some days: which other payments look like this one?</source>
        <translation>며칠 동안의 모든 거래와 정산을 확인합니다: 이 결제와 비슷한 다른 결제는?</translation>
    </message>
    <message>
        <source>Evidence history (Ctrl+H)</source>
        <translation>증거 기록(Ctrl+H)</translation>
    </message>
    <message>
        <source>Every case kept, as it was: find it, open it, compare two looks at one payment</source>
        <translation>남긴 모든 케이스를 그때 그대로: 찾고, 열고, 한 결제를 두 번 본 것을 비교합니다</translation>
    </message>
    <message>
        <source>Shortcuts: Ctrl+L look up · Enter search · F5 refresh · Ctrl+D compare with the previous snapshot · Ctrl+F find in raw JSON · Ctrl+W close case · Ctrl+Shift+V analyse the clipboard · Ctrl+E error codes</source>
        <translation>단축키: Ctrl+L 조회 · Enter 검색 · F5 새로 고침 · Ctrl+D 이전 스냅숏과 비교 · Ctrl+F 원본 JSON에서 찾기 · Ctrl+W 케이스 닫기 · Ctrl+Shift+V 클립보드 분석 · Ctrl+E 오류 코드</translation>
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
        <source>Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON line per id on standard output as each finishes; progress and failures on standard error; a failed id never stops the others. The secret key comes from the profile&apos;s keychain entry (--profile) or PAYTRIAGE_SECRET_KEY.</source>
        <translation>장애 상황에서 여러 결제를 한꺼번에 조회해 각각 분석합니다. ID는 한 줄에 하나씩 또는 CSV 열로 줍니다. 끝나는 대로 ID마다 JSON 한 줄을 표준 출력에, 진행 상황과 실패는 표준 오류에 씁니다. 한 ID가 실패해도 나머지는 계속합니다. 시크릿 키는 프로필의 키체인 항목(--profile)이나 PAYTRIAGE_SECRET_KEY에서 가져옵니다.</translation>
    </message>
    <message>
        <source>Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the payment, its transactions and its settlements. Read-only: nothing that moves money is called. The secret key comes from the profile&apos;s keychain entry or the environment variable PAYTRIAGE_SECRET_KEY, never from the command line. An Apps-in-Toss in-app order (--iap-order-id) is asked of its own host with the profile&apos;s mTLS certificate; its user key comes from PAYTRIAGE_TOSS_USER_KEY.</source>
        <translation>orderId나 paymentKey로 결제를 조회하고 토스페이먼츠가 가진 정보(결제, 거래, 정산)를 모두 분석합니다. 조회만 하며 돈이 움직이는 API는 호출하지 않습니다. 시크릿 키는 프로필의 키체인 항목이나 환경 변수 PAYTRIAGE_SECRET_KEY에서 가져오고, 명령줄로는 받지 않습니다. 앱인토스 인앱 주문(--iap-order-id)은 프로필의 mTLS 인증서로 앱인토스 서버에 조회하며, 사용자 키는 PAYTRIAGE_TOSS_USER_KEY에서 가져옵니다.</translation>
    </message>
    <message>
        <source>An Apps-in-Toss in-app purchase orderId: its order status instead of a payment.</source>
        <translation>앱인토스 인앱 결제 orderId. 결제 대신 주문 상태를 조회합니다.</translation>
    </message>
    <message>
        <source>--iap-order-id looks up an Apps-in-Toss order on its own; name no payment with it.</source>
        <translation>--iap-order-id는 앱인토스 주문만 조회합니다. 결제 ID와 함께 쓰지 마세요.</translation>
    </message>
    <message>
        <source>The Apps-in-Toss order status needs the user&apos;s key (x-toss-user-key, from Toss Login): set PAYTRIAGE_TOSS_USER_KEY.</source>
        <translation>앱인토스 주문 상태를 조회하려면 사용자 키(토스 로그인으로 받은 x-toss-user-key)가 필요합니다. PAYTRIAGE_TOSS_USER_KEY를 설정하세요.</translation>
    </message>
    <message>
        <source>No merchant profile named &quot;%1&quot;: there are no profiles in %2 yet. Add one in the console&apos;s Settings, or use --base-url with PAYTRIAGE_SECRET_KEY.</source>
        <translation>&quot;%1&quot; 상점 프로필이 없습니다. %2에 아직 프로필이 없습니다. 콘솔의 설정에서 추가하거나, --base-url과 PAYTRIAGE_SECRET_KEY를 사용하세요.</translation>
    </message>
    <message>
        <source>No merchant profile named &quot;%1&quot;. The profiles are: %2.</source>
        <translation>&quot;%1&quot; 상점 프로필이 없습니다. 있는 프로필: %2.</translation>
    </message>
    <message>
        <source>The keychain cannot be read here, so the secret key of profile &quot;%1&quot; is not available; set PAYTRIAGE_SECRET_KEY.</source>
        <translation>이 환경에서는 키체인을 읽을 수 없어 &quot;%1&quot; 프로필의 시크릿 키를 가져올 수 없습니다. PAYTRIAGE_SECRET_KEY를 설정하세요.</translation>
    </message>
    <message>
        <source>No secret key is stored for profile &quot;%1&quot;: enter it in the console&apos;s Settings, or set PAYTRIAGE_SECRET_KEY.</source>
        <translation>&quot;%1&quot; 프로필에 저장된 시크릿 키가 없습니다. 콘솔의 설정에서 입력하거나 PAYTRIAGE_SECRET_KEY를 설정하세요.</translation>
    </message>
    <message>
        <source>Merchant profile set up in the console (base URL, API version, Apps-in-Toss certificate); its secret key comes from the keychain, else from PAYTRIAGE_SECRET_KEY.</source>
        <translation>콘솔에서 만든 상점 프로필(기본 URL, API 버전, 앱인토스 인증서). 시크릿 키는 키체인에서, 없으면 PAYTRIAGE_SECRET_KEY에서 가져옵니다.</translation>
    </message>
    <message>
        <source>Apps-in-Toss API base URL (default https://apps-in-toss-api.toss.im; http:// only to this computer).</source>
        <translation>앱인토스 API 기본 URL(기본값 https://apps-in-toss-api.toss.im, http://는 이 컴퓨터에만 허용).</translation>
    </message>
    <message>
        <source>--profile and --%1 cannot be used together: the profile names its own addresses.</source>
        <translation>--profile과 --%1은 함께 쓸 수 없습니다. 주소는 프로필에 정해져 있습니다.</translation>
    </message>
    <message>
        <source>Using a LIVE secret key (live_…): read-only calls on real payments.</source>
        <translation>LIVE 시크릿 키(live_…)를 씁니다. 실제 결제에 대한 조회만 합니다.</translation>
    </message>
    <message>
        <source>Standard input holds more than %1 MB: too large to analyse at once. Save it to a file: a transactions or settlements dump that is one JSON array is then analysed record by record.</source>
        <translation>표준 입력이 %1 MB를 넘어 한 번에 분석하기에는 너무 큽니다. 파일로 저장하세요. 하나의 JSON 배열인 거래·정산 덤프라면 레코드 단위로 분석합니다.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>표준 입력을 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>Keep the text and its findings as a snapshot in the evidence history (see paytriage-cli history --help); not for dumps analysed record by record.</source>
        <translation>텍스트와 발견 사항을 증거 기록에 스냅숏으로 남깁니다(paytriage-cli history --help 참고). 레코드 단위로 분석하는 덤프에는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The history --record writes to (default: PAYTRIAGE_STORE, else the console&apos;s own).</source>
        <translation>--record가 쓸 증거 기록(기본값: PAYTRIAGE_STORE, 없으면 콘솔의 기록).</translation>
    </message>
    <message>
        <source>--record keeps texts read whole; %1 is analysed record by record and is not kept.</source>
        <translation>--record는 통째로 읽은 텍스트만 남깁니다. %1은(는) 레코드 단위로 분석하므로 남기지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot read the time &quot;%1&quot;: write it like 2025-04-02T08:50:00+09:00 or 2025-04-02.</source>
        <translation>시각 &quot;%1&quot;을(를) 읽을 수 없습니다: 2025-04-02T08:50:00+09:00 또는 2025-04-02처럼 적어 주세요.</translation>
    </message>
    <message>
        <source>No snapshots match in %1.</source>
        <translation>%1에 맞는 스냅숏이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s), worst: %1</source>
        <translation>
            <numerusform>발견 사항 %n건, 가장 심각한 것: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>More are older: narrow the search or raise --limit.</source>
        <translation>더 오래된 것이 있습니다: 검색 조건을 좁히거나 --limit를 늘리세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a snapshot number: history list shows them (#12).</source>
        <translation>&quot;%1&quot;은(는) 스냅숏 번호가 아닙니다: history list에 번호(#12)가 나옵니다.</translation>
    </message>
    <message>
        <source>There is no snapshot #%1 in %2 (never kept, or pruned).</source>
        <translation>%2에 스냅숏 #%1이 없습니다(남긴 적이 없거나 정리되었습니다).</translation>
    </message>
    <message>
        <source>Snapshot #%1 (%2), captured %3</source>
        <translation>스냅숏 #%1 (%2), %3에 남김</translation>
    </message>
    <message>
        <source>  ids: orderId %1, paymentKey %2, status %3</source>
        <translation>  id: orderId %1, paymentKey %2, 상태 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) masked</source>
        <translation>
            <numerusform>값 %n개 가림</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 (%2) → #%3 (%4)</source>
        <translation>#%1 (%2) → #%3 (%4)</translation>
    </message>
    <message>
        <source>  (not the same payment: %1 and %2)</source>
        <translation>  (같은 결제가 아님: %1, %2)</translation>
    </message>
    <message>
        <source>  nothing changed</source>
        <translation>  바뀐 것 없음</translation>
    </message>
    <message>
        <source>  transactions: %1 → %2</source>
        <translation>  거래 내역: %1 → %2</translation>
    </message>
    <message>
        <source>  settlement rows: %1 → %2</source>
        <translation>  정산 행: %1 → %2</translation>
    </message>
    <message>
        <source>  cleared: %1</source>
        <translation>  해소됨: %1</translation>
    </message>
    <message>
        <source>  new: %1</source>
        <translation>  새로 생김: %1</translation>
    </message>
    <message>
        <source>Only this orderId or paymentKey.</source>
        <translation>이 orderId 또는 paymentKey만.</translation>
    </message>
    <message>
        <source>Only this merchant profile.</source>
        <translation>이 상점 프로필만.</translation>
    </message>
    <message>
        <source>Only this status (DONE, WAITING_FOR_DEPOSIT, …).</source>
        <translation>이 상태만(DONE, WAITING_FOR_DEPOSIT, …).</translation>
    </message>
    <message>
        <source>Only snapshots with a finding of this rule.</source>
        <translation>이 규칙의 발견 사항이 있는 스냅숏만.</translation>
    </message>
    <message>
        <source>Captured at or after this time.</source>
        <translation>이 시각 이후에 남긴 것.</translation>
    </message>
    <message>
        <source>Captured before this time.</source>
        <translation>이 시각 전에 남긴 것.</translation>
    </message>
    <message>
        <source>How many rows (50).</source>
        <translation>몇 행까지(50).</translation>
    </message>
    <message>
        <source>Name the folder to write to with --out.</source>
        <translation>쓸 폴더를 --out으로 지정하세요.</translation>
    </message>
    <message>
        <source>Keep each payment&apos;s answers as received, with its findings, as a snapshot in the evidence history (see paytriage-cli history --help).</source>
        <translation>결제마다 받은 응답을 그대로, 발견 사항과 함께 증거 기록에 스냅숏으로 남깁니다(paytriage-cli history --help 참고).</translation>
    </message>
    <message>
        <source>%1: kept as snapshot #%2 in %3</source>
        <translation>%1: %3에 스냅숏 #%2로 남김</translation>
    </message>
    <message>
        <source>Keep every answer as received, with the findings, as a snapshot in the evidence history (see paytriage-cli history --help).</source>
        <translation>받은 모든 응답을 그대로, 발견 사항과 함께 증거 기록에 스냅숏으로 남깁니다(paytriage-cli history --help 참고).</translation>
    </message>
    <message>
        <source>Nothing arrived, so nothing was kept in the evidence history.</source>
        <translation>받은 응답이 없어 증거 기록에 남긴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Give the period: --from and --to, as yyyy-MM-dd (KST days, both included).</source>
        <translation>기간을 주세요: --from과 --to, yyyy-MM-dd 형식(KST 날짜, 둘 다 포함).</translation>
    </message>
    <message>
        <source>Cannot read the day &quot;%1&quot;: write it as yyyy-MM-dd (a KST day).</source>
        <translation>날짜 &quot;%1&quot;을(를) 읽을 수 없습니다: yyyy-MM-dd 형식(KST 날짜)으로 쓰세요.</translation>
    </message>
    <message>
        <source>First KST day of the period, yyyy-MM-dd.</source>
        <translation>기간의 첫 KST 날짜, yyyy-MM-dd.</translation>
    </message>
    <message>
        <source>Last KST day of the period, yyyy-MM-dd (included).</source>
        <translation>기간의 마지막 KST 날짜, yyyy-MM-dd(포함).</translation>
    </message>
    <message>
        <source>At most this many requests a second (default: no limit).</source>
        <translation>초당 최대 요청 수(기본: 제한 없음).</translation>
    </message>
    <message>
        <source>Records a page, 1 to 5000 (default 5000).</source>
        <translation>페이지당 레코드 수, 1부터 5000까지(기본 5000).</translation>
    </message>
    <message>
        <source>Payments listed, most severe first (default 50; the JSON has all).</source>
        <translation>나열할 결제 수, 심각한 순(기본 50. JSON에는 모두 있음).</translation>
    </message>
    <message>
        <source>Transactions only.</source>
        <translation>거래 내역만.</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to가 --from보다 앞섭니다.</translation>
    </message>
    <message>
        <source>--page-size takes a whole number from 1 to 5000.</source>
        <translation>--page-size는 1부터 5000까지의 정수입니다.</translation>
    </message>
    <message>
        <source>--rate takes a number of requests a second above 0.</source>
        <translation>--rate는 0보다 큰 초당 요청 수입니다.</translation>
    </message>
    <message>
        <source>Scan of %1: %2 transactions and %3 settlement records of %4 payments, in %5 requests (%6 s)</source>
        <translation>%1 스캔: 결제 %4건의 거래 %2건과 정산 레코드 %3건, 요청 %5번(%6초)</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) with findings</source>
        <translation>
            <numerusform>발견 사항이 있는 결제 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>  … and %1 more (--top, or --format json for all)</source>
        <translation>  … 외 %1건(--top, 또는 모두 보려면 --format json)</translation>
    </message>
    <message>
        <source>  across the period (%1×): %2</source>
        <translation>  기간 전체(%1번): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) began before the period (their first record in it is a cancel) and were not judged across their records: their approval or deposit was not read. Look one up to see it whole.</source>
        <translation>
            <numerusform>결제 %n건은 기간 전에 시작되어(기간 안의 첫 레코드가 취소) 레코드를 함께 놓고 판단하지 않았습니다: 승인이나 입금 레코드를 읽지 않았기 때문입니다. 전체를 보려면 하나를 조회하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scan stopped after %1 pages: %2. What was read is reported above; run it again to read the whole period.</source>
        <translation>%1페이지 뒤 스캔이 멈췄습니다: %2. 읽은 것은 위에 보고했습니다. 기간 전체를 읽으려면 다시 실행하세요.</translation>
    </message>
    <message>
        <source>The scan was stopped after %1 pages; what was read is reported above.</source>
        <translation>%1페이지 뒤 스캔을 멈췄습니다. 읽은 것은 위에 보고했습니다.</translation>
    </message>
    <message>
        <source>Scan a merchant&apos;s period: every transaction and settlement record the provider lists for it, page by page (only the page in hand is kept), through every rule; the payments with findings ranked by severity. A page that fails is asked again from the paging cursor; Ctrl+C stops and reports what was read. Read-only. The secret key comes from the profile&apos;s keychain entry (--profile) or PAYTRIAGE_SECRET_KEY.</source>
        <translation>상점의 기간을 스캔합니다: 제공자가 그 기간에 대해 내주는 모든 거래와 정산 레코드를 페이지 단위로(손에 든 페이지만 보관) 모든 규칙에 통과시키고, 발견 사항이 있는 결제를 심각한 순으로 보여 줍니다. 실패한 페이지는 페이지 커서부터 다시 요청합니다. Ctrl+C를 누르면 멈추고 읽은 것을 보고합니다. 읽기 전용. 시크릿 키는 프로필의 키체인 항목(--profile) 또는 PAYTRIAGE_SECRET_KEY에서 가져옵니다.</translation>
    </message>
    <message>
        <source>No column &quot;%1&quot; in %2; its columns are: %3.</source>
        <translation>%2에 &quot;%1&quot; 열이 없습니다. 있는 열: %3.</translation>
    </message>
    <message>
        <source>A case report in Markdown, HTML or PDF: the summary, each finding with its explanation and advice, the timeline, and every raw body with its SHA-256, the lookup&apos;s time, profile and MID. Personal data and payment secrets are masked unless --unmasked is given; secret keys and credentials never appear.</source>
        <translation>Markdown, HTML 또는 PDF 케이스 보고서: 요약, 설명과 조언이 붙은 발견 사항, 타임라인, 그리고 SHA-256이 붙은 모든 원본 응답과 조회 시각, 프로필, MID. --unmasked를 주지 않으면 개인정보와 결제 secret을 가립니다. 시크릿 키와 인증 정보는 절대 나오지 않습니다.</translation>
    </message>
    <message>
        <source>Language of the report: ko or en.</source>
        <translation>보고서 언어: ko 또는 en.</translation>
    </message>
    <message>
        <source>md (default), html or pdf.</source>
        <translation>md(기본), html 또는 pdf.</translation>
    </message>
    <message>
        <source>Write the report to this file (a PDF needs one; default: standard output).</source>
        <translation>보고서를 이 파일에 씁니다(PDF는 꼭 필요, 기본: 표준 출력).</translation>
    </message>
    <message>
        <source>The snapshot of the evidence history to report on (history list shows them).</source>
        <translation>보고할 증거 기록의 스냅숏(history list에 나옴).</translation>
    </message>
    <message>
        <source>The history --snapshot is read from (default: PAYTRIAGE_STORE, else the console&apos;s own).</source>
        <translation>--snapshot을 읽을 증거 기록(기본: PAYTRIAGE_STORE, 없으면 콘솔의 기록).</translation>
    </message>
    <message>
        <source>Show personal data as received (an explicit choice; secret keys never).</source>
        <translation>개인정보를 받은 그대로 보여 줍니다(직접 선택하는 것, 시크릿 키는 절대 아님).</translation>
    </message>
    <message>
        <source>--format takes md, html or pdf.</source>
        <translation>--format은 md, html 또는 pdf입니다.</translation>
    </message>
    <message>
        <source>A PDF is written to a file: name it with --out report.pdf.</source>
        <translation>PDF는 파일로 씁니다: --out report.pdf처럼 이름을 주세요.</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>%1에 보고서를 썼습니다</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot #%1 written to %2 (%n file(s), the report and manifest.json).</source>
        <translation>
            <numerusform>스냅숏 #%1을(를) %2에 썼습니다(파일 %n개, 보고서, manifest.json).</numerusform>
        </translation>
    </message>
    <message>
        <source>Verified: %1 files match the manifest of %2 (%3, captured %4).</source>
        <translation>확인됨: 파일 %1개가 %2의 manifest와 일치합니다(%3, %4에 남김).</translation>
    </message>
    <message>
        <source>The evidence history: every snapshot kept (a lookup&apos;s answers as received, a paste, a file), newest first.
  history [list]      search it
  history show ID     one snapshot: its bodies (with SHA-256), provenance and findings
  history diff OLD NEW what changed between two snapshots of a payment
  history export ID   a case bundle: its bodies as stored, the report and manifest.json, into --out FOLDER
  history verify FOLDER every file of a bundle against its manifest</source>
        <translation>증거 기록: 남긴 모든 스냅숏(조회 응답을 받은 그대로, 붙여 넣은 텍스트, 파일), 최신순.
  history [list]      검색
  history show ID     스냅숏 하나: 본문(SHA-256 포함), 출처, 발견 사항
  history diff OLD NEW 한 결제의 두 스냅숏 사이에 바뀐 것
  history export ID   케이스 묶음: 저장된 본문, 보고서, manifest.json을 --out 폴더에
  history verify FOLDER 묶음의 모든 파일을 manifest와 대조</translation>
    </message>
    <message>
        <source>export: the folder to write the case bundle to.</source>
        <translation>export: 케이스 묶음을 쓸 폴더.</translation>
    </message>
    <message>
        <source>list (the default), show ID, diff OLD NEW, export ID --out FOLDER or verify FOLDER.</source>
        <translation>list(기본), show ID, diff OLD NEW, export ID --out FOLDER 또는 verify FOLDER.</translation>
    </message>
    <message>
        <source>Use: history [list], history show ID, history diff OLD NEW, history export ID --out FOLDER or history verify FOLDER. See paytriage-cli history --help.</source>
        <translation>사용법: history [list], history show ID, history diff OLD NEW, history export ID --out FOLDER 또는 history verify FOLDER. paytriage-cli history --help를 보세요.</translation>
    </message>
    <message>
        <source>The history: an SQLite file, or postgresql://user@host:port/db?sslmode=… (its password from the keychain, as the console&apos;s Settings store it, else ~/.pgpass; never the command line). Default: PAYTRIAGE_STORE, else the console&apos;s own file.</source>
        <translation>증거 기록: SQLite 파일, 또는 postgresql://user@host:port/db?sslmode=…(비밀번호는 콘솔의 설정이 저장한 키체인에서, 없으면 ~/.pgpass에서. 명령줄에서는 절대 받지 않음). 기본: PAYTRIAGE_STORE, 없으면 콘솔의 파일.</translation>
    </message>
    <message>
        <source>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  lookup ID        fetch a payment, its transactions and settlements, and analyse them
  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each
  scan             every transaction and settlement of a period (--from, --to), payments with findings ranked
  history          the evidence history: list, show ID, diff OLD NEW (analyze --record keeps a text)
  report           a case report (md, html, pdf) of a snapshot, a case bundle or a saved answer, masked
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command&apos;s options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed, 3 nothing recognised.
</source>
        <translation>사용법: paytriage-cli 명령 [옵션]

명령:
  analyze FILE|-   저장하거나 붙여 넣은 API 응답을 읽어 분석합니다
  lookup ID        결제와 거래 내역, 정산을 조회해 분석합니다
  batch FILE|-     여러 id(한 줄에 하나 또는 CSV 열)를 조회해 하나씩 분석합니다
  scan             기간(--from, --to)의 모든 거래와 정산을 확인해 발견 사항이 있는 결제를 순서대로 보여 줍니다
  history          증거 기록: list, show ID, diff OLD NEW (analyze --record로 텍스트를 남김)
  report           스냅숏, 케이스 묶음 또는 저장된 응답의 케이스 보고서(md, html, pdf), 가림 처리
  explain CODE...  토스 오류 코드의 의미, 원인, 확인할 것, 조치 주체
  catalog --path   카탈로그 덮어쓰기 파일의 위치 (--dump: 카탈로그 출력)

명령별 옵션: paytriage-cli 명령 --help
종료 상태: 0 경고 이상 없음, 1 경고 이상 발견, 2 실패, 3 알아본 문서 없음.
</translation>
    </message>
    <message>
        <source>A case bundle (history export&apos;s folder) to report on: verified against its manifest first.</source>
        <translation>보고할 케이스 묶음(history export의 폴더): 먼저 manifest와 대조해 검증합니다.</translation>
    </message>
    <message>
        <source>A saved answer or pasted text to report on (- for standard input), instead of --snapshot.</source>
        <translation>--snapshot 대신 보고할 저장된 응답이나 붙여 넣은 텍스트(- 이면 표준 입력).</translation>
    </message>
    <message>
        <source>Name what to report on: --snapshot ID, --case FOLDER, or one file.</source>
        <translation>보고할 것을 정하세요: --snapshot ID, --case 폴더 또는 파일 하나.</translation>
    </message>
    <message>
        <source>%1 is not a case bundle: it has no manifest.json.</source>
        <translation>%1은(는) 케이스 묶음이 아닙니다: manifest.json이 없습니다.</translation>
    </message>
    <message>
        <source>%1 does not verify against its manifest: %2</source>
        <translation>%1이(가) manifest와 맞지 않습니다: %2</translation>
    </message>
    <message>
        <source>From the case bundle %1, verified against its manifest</source>
        <translation>케이스 묶음 %1에서 가져옴, manifest와 대조해 검증됨</translation>
    </message>
    <message>
        <source>From the case bundle %1, which does NOT verify: %2</source>
        <translation>케이스 묶음 %1에서 가져옴, 검증되지 않음: %2</translation>
    </message>
    <message>
        <source>Standard input holds more than %1 MB: too large for a case report.</source>
        <translation>표준 입력이 %1 MB를 넘어 케이스 보고서로 만들기에는 너무 큽니다.</translation>
    </message>
    <message>
        <source>No answer could be read as JSON: the report shows them as kept, and nothing was checked.</source>
        <translation>JSON으로 읽을 수 있는 응답이 없습니다. 보고서에는 보관한 그대로 싣고, 아무것도 검사하지 않았습니다.</translation>
    </message>
    <message>
        <source>Where each payment&apos;s transactions wait on disk to be weighed together (default: the user&apos;s cache folder); some 170 bytes a transaction while the scan runs, removed after.</source>
        <translation>결제별 거래를 함께 따져 보기 전까지 디스크에 두는 폴더(기본: 사용자 캐시 폴더). 스캔하는 동안 거래 하나에 170바이트 정도를 쓰고, 끝나면 지웁니다.</translation>
    </message>
    <message>
        <source>weighing each payment&apos;s records together: part %1 of %2, %3 payments, %4 findings so far</source>
        <translation>결제별 레코드를 함께 따져 보는 중: %2개 중 %1번째, 지금까지 결제 %3건, 발견 사항 %4건</translation>
    </message>
    <message>
        <source>Also write the table as a report: Markdown, HTML or PDF, by the file&apos;s suffix (.md, .html, .pdf).</source>
        <translation>표를 보고서로도 씁니다. 파일 확장자(.md, .html, .pdf)에 따라 Markdown, HTML 또는 PDF.</translation>
    </message>
    <message>
        <source>  kept by PayTriage %1, judged by catalog %2</source>
        <translation>  보관: PayTriage %1, 판정한 카탈로그 %2</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(기록되지 않음)</translation>
    </message>
    <message>
        <source>%1 pages, %2 transactions, %3 settlement records, about %4 payments, %5 findings so far</source>
        <translation>지금까지 %1페이지, 거래 %2건, 정산 레코드 %3건, 결제 약 %4건, 발견 사항 %5건</translation>
    </message>
</context>
<context>
    <name>paytriage::gui</name>
    <message>
        <source>PayTriage: a support console for the Toss Payments API.</source>
        <translation>PayTriage: 토스페이먼츠 API 지원 콘솔.</translation>
    </message>
    <message>
        <source>Start the local Toss API sandbox and show its scenarios.</source>
        <translation>로컬 토스 API 샌드박스를 시작하고 시나리오를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Language of the interface: ko or en.</source>
        <translation>화면 언어: ko 또는 en.</translation>
    </message>
    <message>
        <source>Save screenshots of the demo in both languages to DIR, then exit.</source>
        <translation>데모 화면을 두 언어로 DIR에 저장하고 끝냅니다.</translation>
    </message>
    <message>
        <source>JSON files to analyse.</source>
        <translation>분석할 JSON 파일.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use ko or en.</source>
        <translation>알 수 없는 언어 &quot;%1&quot;: ko 또는 en을 쓰세요.</translation>
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
