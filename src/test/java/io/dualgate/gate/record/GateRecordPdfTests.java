package io.dualgate.gate.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The PDF record in the reader's language: a signed gate read in Chinese has its items,
 * meanings and sources in Chinese in the PDF (found by extracting the text), with the
 * Chinese font embedded as a subset so the record stays small. The first page is saved as
 * {@code target/screenshots/gate-record-pdf-zh.png} to look at.
 */
@IntegrationTest
@Import(GateFixtures.class)
class GateRecordPdfTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Test
	void aSignedGateReadInChineseHasItsChineseTextInThePdf() throws IOException {
		GateView gate = signedGate();
		byte[] pdf = pdf(gate.id(), Locale.SIMPLIFIED_CHINESE);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 110);
				ImageIO.write(image, "png", screenshots.resolve("gate-record-pdf-zh-" + (page + 1) + ".png").toFile());
			}
			String text = new PDFTextStripper().getText(document);
			Files.writeString(screenshots.resolve("gate-record-pdf-zh.txt"), text);
			assertThat(normalise(text)).contains("近30天核心路径可用性", "每个模块的降级方案已完成", "首批客户的支付意愿", "已签署《数据主权协议》", "批准：技术鲁棒性",
					"批准：商业就绪", "技术鲁棒性确认书", "表单");
			assertThat(normalise(text)).contains(gate.technical().validSignature().contentHash());
			assertThat(text).doesNotContain("Approved: technical robustness", "Core-path availability");
			// The Chinese font is embedded as a subset (PDF names a subset ABCDEF+Name).
			List<String> fonts = fonts(document);
			assertThat(fonts).anySatisfy((name) -> assertThat(name).matches("[A-Z]{6}\\+NotoSansSC.*"));
		}
		// A subset, not the 10 MB font.
		assertThat(pdf.length).isLessThan(600_000);
	}

	@Test
	void anEnglishReaderGetsTheEnglishRecord() throws IOException {
		GateView gate = signedGate();
		try (PDDocument document = Loader.loadPDF(pdf(gate.id(), Locale.ENGLISH))) {
			String text = new PDFTextStripper().getText(document);
			assertThat(normalise(text)).contains("Core-pathavailabilityoverthelast30days",
					"Approved:technicalrobustness", "Approved:commercialreadiness");
		}
	}

	private GateView signedGate() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(id, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		GateView gate = this.fixtures.sign(id, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
		return gate;
	}

	private byte[] pdf(long id, Locale locale) {
		var result = this.mvc.get()
			.uri("/gates/{id}/record.pdf", id)
			.locale(locale)
			.with(user(this.fixtures.login("executive")))
			.exchange();
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		return result.getResponse().getContentAsByteArray();
	}

	/**
	 * Text extraction puts spaces between Chinese and Latin characters and line breaks
	 * where a table cell wraps.
	 */
	private static String normalise(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static List<String> fonts(PDDocument document) throws IOException {
		List<String> names = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				names.add(font.getName());
			}
		}
		return names;
	}

}
