"""Prints an HTML page (the report of `regionstat report`) to a PDF with the Qt that QGIS brings,
headless: `python3 html_pdf.py REPORT.html REPORT.pdf`. Qt's rich-text engine draws the tables,
headings and figures of the report (no scripts, simple CSS); text stays text, in Noto Sans CJK
where installed so Chinese prints. Exit 3 when QGIS's Qt bindings are missing."""
import os
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write('usage: html_pdf.py REPORT.html REPORT.pdf\n')
        return 2
    try:
        from qgis.PyQt.QtCore import QMarginsF, QUrl
        from qgis.PyQt.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
    except ImportError as error:
        sys.stderr.write('QGIS Python bindings are missing ({}): apt-get install qgis python3-qgis\n'.format(error))
        return 3
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    app = QGuiApplication([])  # noqa: F841 (fonts and images need an application)
    source, target = argv[1], argv[2]
    try:
        with open(source, encoding='utf-8') as f:
            html = f.read()
    except OSError as error:
        sys.stderr.write('cannot read {}: {}\n'.format(source, error))
        return 1
    writer = QPdfWriter(target)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(15, 15, 15, 15)))
    writer.setResolution(150)
    document = QTextDocument()
    if 'Noto Sans CJK SC' in QFontDatabase().families():
        document.setDefaultFont(QFont('Noto Sans CJK SC', 9))
    # Relative image paths (REPORT_files/...) resolve against the report's folder.
    document.setBaseUrl(QUrl.fromLocalFile(os.path.abspath(source)))
    document.setHtml(html)
    document.print_(writer)
    del writer  # closes the file
    if not os.path.exists(target) or os.path.getsize(target) == 0:
        sys.stderr.write('cannot write {}\n'.format(target))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
